import type { ESLint, Linter } from 'eslint';

/**
 * With the built-in presets only redis/* rules run, yet real code is full of comments for the project's
 * other rules: `// eslint-disable-next-line @typescript-eslint/no-explicit-any` makes ESLint report
 * "Definition for rule ... was not found". Those are not Redis problems, and a zero-config run must not
 * fail a build over them (ioredis' and @redis/client's own sources carry 44 such comments).
 */
export function onlyRedisFindings(results: ESLint.LintResult[]): ESLint.LintResult[] {
  return results.map((result) => {
    const messages = result.messages.filter((m) => m.ruleId === null || m.ruleId.startsWith('redis/'));
    if (messages.length === result.messages.length) return result;
    const count = (pick: (m: Linter.LintMessage) => boolean) => messages.filter(pick).length;
    return {
      ...result,
      messages,
      errorCount: count((m) => m.severity === 2),
      fatalErrorCount: count((m) => m.fatal === true),
      warningCount: count((m) => m.severity === 1),
      fixableErrorCount: count((m) => m.severity === 2 && m.fix !== undefined),
      fixableWarningCount: count((m) => m.severity === 1 && m.fix !== undefined),
    };
  });
}
