import type { ESLint } from 'eslint';

/**
 * ESLint keeps a fixed text even when a fix broke the syntax (it reports the parse error and still sets
 * `output`). Writing that would leave a program or a redis.conf that no longer loads, so such files are
 * left untouched and named instead.
 */
export function withoutUnparseableFixes(results: ESLint.LintResult[]): { results: ESLint.LintResult[]; skipped: string[] } {
  const skipped: string[] = [];
  const kept = results.map((result) => {
    if (typeof result.output !== 'string' || !result.messages.some((m) => m.fatal)) return result;
    skipped.push(result.filePath);
    const { output: _dropped, ...rest } = result;
    void _dropped;
    return rest as ESLint.LintResult;
  });
  return { results: kept, skipped };
}
