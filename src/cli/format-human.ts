import { relative } from 'node:path';
import type { ESLint, Linter } from 'eslint';

/** The few chalk styles the report uses; identity functions when colour is off. */
export interface Paint {
  red(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
  underline(text: string): string;
  bold(text: string): string;
}

export const noPaint: Paint = { red: (t) => t, yellow: (t) => t, dim: (t) => t, underline: (t) => t, bold: (t) => t };

/** Parse errors quote the offending bytes; a NUL or an escape sequence must not reach the terminal raw. */
const printable = (text: string) =>
  text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The human report: problems grouped by file, then a summary by rule and severity, so a CI log
 * says at a glance which anti-pattern dominates.
 */
export function formatHuman(results: ESLint.LintResult[], cwd: string, paint: Paint): string {
  const lines: string[] = [];
  const byRule = new Map<string, { errors: number; warnings: number }>();
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  let files = 0;
  for (const result of results) {
    if (result.messages.length === 0) continue;
    files++;
    lines.push(paint.underline(relative(cwd, result.filePath) || result.filePath));
    const rows = result.messages.map((m: Linter.LintMessage) => {
      const isError = m.severity === 2;
      if (isError) errors++;
      else warnings++;
      if (m.fix) fixable++;
      const rule = m.ruleId ?? (m.fatal ? 'parse error' : '');
      const count = byRule.get(rule) ?? { errors: 0, warnings: 0 };
      if (isError) count.errors++;
      else count.warnings++;
      byRule.set(rule, count);
      return { where: `${m.line ?? 0}:${m.column ?? 0}`, level: isError ? 'error' : 'warning', isError, text: printable(m.message), rule };
    });
    const width = Math.max(...rows.map((r) => r.where.length));
    for (const row of rows) {
      const level = row.isError ? paint.red(row.level.padEnd(7)) : paint.yellow(row.level.padEnd(7));
      lines.push(`  ${paint.dim(row.where.padEnd(width))}  ${level}  ${row.text}  ${paint.dim(row.rule)}`);
    }
    lines.push('');
  }
  if (errors + warnings === 0) return '';
  const mark = errors > 0 ? paint.red('✖') : paint.yellow('⚠');
  lines.push(paint.bold(`${mark} ${plural(errors + warnings, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) in ${plural(files, 'file')}`));
  const ruleWidth = Math.max(...[...byRule.keys()].map((r) => r.length));
  for (const [rule, count] of [...byRule].sort((a, b) => b[1].errors + b[1].warnings - (a[1].errors + a[1].warnings) || a[0].localeCompare(b[0]))) {
    const parts = [count.errors > 0 ? paint.red(plural(count.errors, 'error')) : '', count.warnings > 0 ? paint.yellow(plural(count.warnings, 'warning')) : ''];
    lines.push(`  ${rule.padEnd(ruleWidth)}  ${parts.filter(Boolean).join(', ')}`);
  }
  if (fixable > 0) lines.push(paint.dim(`  ${plural(fixable, 'problem')} fixable with --fix`));
  return `${lines.join('\n')}\n`;
}
