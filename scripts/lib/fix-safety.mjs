// The two promises every --fix makes, checked on one file: the fixed code still parses, and a second
// --fix pass changes nothing (a fix that keeps rewriting its own output would churn files forever).

/**
 * `config` is the linting config, `parseConfig` the same config without rules. Returns undefined when
 * nothing was fixable, else `{ rules, problem? }` with the rules whose fixes were applied.
 */
export function checkFixSafety(linter, config, parseConfig, text, filename, messages) {
  const fixable = (messages ?? linter.verify(text, config, { filename })).filter((m) => m.fix && m.ruleId?.startsWith('redis/'));
  if (fixable.length === 0) return undefined;
  const rules = [...new Set(fixable.map((m) => m.ruleId))];
  const first = linter.verifyAndFix(text, config, { filename });
  if (!first.fixed) return { rules, problem: 'fixes were offered but none applied' };
  const parseError = linter.verify(first.output, parseConfig, { filename }).find((m) => m.fatal);
  if (parseError) {
    return { rules, problem: `fixed code does not parse: ${parseError.message} at ${parseError.line}:${parseError.column}`, output: first.output };
  }
  const second = linter.verifyAndFix(first.output, config, { filename });
  if (second.fixed) {
    const again = [...new Set(linter.verify(first.output, config, { filename }).filter((m) => m.fix).map((m) => m.ruleId))];
    return { rules, problem: `a second --fix pass changed the code again (${again.join(', ')})`, output: first.output };
  }
  return { rules, output: first.output };
}
