import type { Linter } from 'eslint';

export interface FixSafety {
  /** The rules whose fixes were applied. */
  rules: string[];
  /** What broke: the fixed code does not parse, or a second pass changed it again. */
  problem?: string;
  output?: string;
}

export function checkFixSafety(
  linter: Linter,
  config: Linter.Config[],
  parseConfig: Linter.Config[],
  text: string,
  filename: string,
  messages?: Linter.LintMessage[],
): FixSafety | undefined;
