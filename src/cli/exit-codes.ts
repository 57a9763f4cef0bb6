/** Exit codes: 0 clean, 1 problems found (or more warnings than --max-warnings), 2 usage error, unreadable input or crash. */
export const EXIT_CLEAN = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_ERROR = 2;

/** A failure the user can act on: printed as one line (no stack trace unless --debug), exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * The reason for an error on one line: read errors name the path and the system's reason; a message
 * over several lines ("Invalid Options:\n- Unknown options: concurrency") keeps all its meaningful
 * lines, joined, without the bullets and without Node's "Require stack:" list of module paths.
 */
export function oneLine(error: unknown): string {
  const err = error as NodeJS.ErrnoException;
  if (err && typeof err === 'object' && typeof err.code === 'string' && typeof err.path === 'string' && /^E[A-Z]+$/.test(err.code)) {
    return `cannot read ${err.path}: ${err.code}`;
  }
  const message = err && typeof err.message === 'string' ? err.message : String(error);
  const lines: string[] = [];
  for (const raw of message.split('\n')) {
    const line = raw.trim().replace(/^[-*•]\s+/, '');
    if (/^Require stack:?$/.test(line)) break;
    if (line !== '') lines.push(line);
  }
  if (lines.length === 0) return 'unknown error';
  return lines.reduce((joined, line) => `${joined}${/[:;,.]$/.test(joined) ? ' ' : '; '}${line}`);
}
