/**
 * Writes files [0, count) of the generated corpus under `dir` (plus each app's package.json) unless a
 * marker says the same corpus is already there. Returns the absolute paths and the total line count.
 */
export function writeCorpus(dir: string, count: number): { files: string[]; lineCount: number };
