/** What every conf-* rule needs: the effective config of the file being linted and where to report. */
import type { Directive, Document, SourceLocation, Word } from './ast';
import { effectiveConfigOf, type EffectiveConfig, type Occurrence } from './effective-config';
import type { ConfLanguageOptions } from './language-options';
import type { ConfSourceCode } from './source-code';

export interface ConfRuleContext {
  sourceCode: ConfSourceCode;
  languageOptions?: ConfLanguageOptions;
  physicalFilename?: string;
  filename?: string;
  options: unknown[];
  report(descriptor: Record<string, unknown>): void;
}

export function configOf(context: ConfRuleContext): EffectiveConfig {
  const source = context.sourceCode;
  const options = context.languageOptions ?? source.languageOptions ?? {};
  return effectiveConfigOf(source.ast, source.physicalPath ?? context.physicalFilename ?? '', options);
}

/** Findings about a directive that is absent point at the first line of the file. */
export const fileStart = (): SourceLocation => ({ start: { line: 1, column: 1 }, end: { line: 1, column: 1 } });

/** True when the directive is written in the linted file (not pulled in by an include). */
export const inThisFile = (o: Occurrence | undefined): boolean => !!o && o.anchor === o.directive;

/**
 * Where to report a finding about a directive: the given node (or the whole line) when the line is in
 * this file, the `include` line that brought it in otherwise, the first line when it is absent.
 */
export function locOf(o: Occurrence | undefined, node?: Directive | Word): SourceLocation {
  if (!o) return fileStart();
  return inThisFile(o) ? (node ?? o.directive).loc : o.anchor.loc;
}

/** A suggestion/fix that adds a line at the top of the file, after any leading comments. */
export function insertLine(ast: Document, line: string) {
  const first = ast.body[0];
  return (fixer: { insertTextBeforeRange(range: [number, number], text: string): unknown; insertTextAfterRange(range: [number, number], text: string): unknown }) =>
    first ? fixer.insertTextBeforeRange([first.range[0], first.range[0]], `${line}\n`) : fixer.insertTextAfterRange([ast.range[1], ast.range[1]], `${ast.range[1] > 0 ? '\n' : ''}${line}\n`);
}

/** The TCP ports are both off (`port 0`, `tls-port 0`): only the unix socket accepts clients. */
export function listensOnTcpOnlyLocally(config: EffectiveConfig): boolean {
  return config.value('port')[0] === '0' && (config.value('tls-port')[0] ?? '0') === '0';
}
