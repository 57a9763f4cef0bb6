import { lstatSync, readdirSync } from 'node:fs';
import { extname, relative, resolve } from 'node:path';
import type { ESLint } from 'eslint';

export const isGlob = (p: string): boolean => /[*?[{]/.test(p);

export const codeExtensions = ['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx'];
export const confNamePattern = /^(redis|valkey|sentinel).*\.conf$/;

const exists = (path: string) => {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
};

/** Plain paths (not globs) that name nothing on disk; a dangling symlink exists and fails later as unreadable. */
export const missingPaths = (cwd: string, paths: string[]): string[] => paths.filter((p) => !isGlob(p) && !exists(resolve(cwd, p)));

/**
 * ESLint's answer for a file it was named but will not lint: one warning, "File ignored because ...".
 * It names options redis-lint does not have (`--no-ignore`), and a warning would fail `--max-warnings 0`
 * over a file that has no Redis code at all (README.md in `git diff --name-only | xargs redis-lint`).
 */
function isIgnoreNotice(result: ESLint.LintResult): boolean {
  const [only, ...rest] = result.messages;
  return rest.length === 0 && only !== undefined && only.ruleId === null && !only.fatal && /^File ignored\b/.test(only.message);
}

/** A file the presets would lint had nothing ignored it: code, or a redis.conf by name or because it was named. */
const isLintableKind = (filePath: string, extraConfFiles: Set<string>) =>
  codeExtensions.includes(extname(filePath)) || confNamePattern.test(filePath.replace(/^.*[\\/]/, '')) || extraConfFiles.has(filePath);

/**
 * Drops ESLint's notices for named files it did not lint. Returns the ones that are ignored (by
 * .gitignore, node_modules or the config's ignores) although they are code or a redis.conf: those are
 * worth one line on stderr. Files of other kinds (README.md, package.json) go without a word.
 */
export function withoutIgnoreNotices(
  results: ESLint.LintResult[],
  extraConfFiles: string[],
): { results: ESLint.LintResult[]; ignored: string[] } {
  const named = new Set(extraConfFiles);
  const ignored: string[] = [];
  const kept = results.filter((result) => {
    if (!isIgnoreNotice(result)) return true;
    if (isLintableKind(result.filePath, named)) ignored.push(result.filePath);
    return false;
  });
  return { results: kept, ignored };
}

/** `skipped build/out.ts (ignored)`, or `skipped 4 ignored files: a, b, c and 1 more`. */
export function skippedNote(cwd: string, files: string[]): string | undefined {
  if (files.length === 0) return undefined;
  const names = files.map((f) => relative(cwd, f) || f);
  if (names.length === 1) return `skipped ${names[0]}: it is ignored (.gitignore, node_modules or the config's ignores)`;
  const shown = names.slice(0, 3).join(', ');
  return `skipped ${names.length} ignored files (.gitignore, node_modules or the config's ignores): ${shown}${names.length > 3 ? ` and ${names.length - 3} more` : ''}`;
}

/** Whether a directory holds .conf files whose names do not say redis (6379.conf), read as redis.conf only when named. */
export function otherConfFilesIn(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => name.endsWith('.conf') && !confNamePattern.test(name));
  } catch {
    return [];
  }
}
