/** What every conf-* rule needs: the effective config of the file being linted and where to report. */
import { argsOf, type Directive, type Document, type SourceLocation, type Word } from './ast';
import { bindTarget, splitBindArguments } from './addresses';
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

export interface BoundAddress {
  /** The address as written (a `-` prefix included): an address, never a secret. */
  text: string;
  /** The word that holds it (one word may hold several: `bind "127.0.0.1 ::1"`). */
  word?: Word;
  wildcard: boolean;
  loopback: boolean;
}

/** The addresses redis-server listens on: the last `bind` line's, or the compiled default `* -::*`. */
export function boundAddresses(config: EffectiveConfig): { occurrence?: Occurrence; addresses: BoundAddress[] } {
  const occurrence = config.last('bind');
  const entries: { text: string; word?: Word }[] = [];
  if (occurrence) {
    const words = argsOf(occurrence.directive);
    if (words.length === 1) for (const text of splitBindArguments([words[0].value])) entries.push({ text, word: words[0] });
    else for (const word of words) if (word.value !== '') entries.push({ text: word.value, word });
  } else {
    for (const text of config.value('bind')) entries.push({ text });
  }
  return { occurrence, addresses: entries.map((e) => ({ ...e, ...bindTarget(e.text) })) };
}

/** Every address the server listens on is loopback (or it listens on none), so no other host can connect. */
export function listensOnLoopbackOnly(config: EffectiveConfig): boolean {
  return listensOnTcpOnlyLocally(config) || boundAddresses(config).addresses.every((a) => a.loopback);
}

/** "port 6379" for a message: digits only, so a mistyped line never puts its text into the output. */
export function portForMessage(config: EffectiveConfig): string {
  const port = config.value('port')[0] ?? '6379';
  return /^[0-9]{1,5}$/.test(port) ? `port ${port}` : 'its port';
}

/**
 * Who gets in through a listening address, in the words of a message. Since Redis 6.2 protected mode
 * turns away every non-loopback client while the default user has the nopass flag, whatever `bind` says.
 */
export function reachOf(config: EffectiveConfig): string {
  const port = portForMessage(config);
  const user = config.defaultUser();
  const protectedMode = !/^no$/i.test(config.value('protected-mode')[0] ?? 'yes');
  if (protectedMode && user.nopass) {
    return `for now protected mode turns away clients from other hosts, but only because the default user has no password: once it gets one, or protected mode is turned off, anyone who can route to ${port} reaches the server.`;
  }
  if (user.open) return `anyone who can route to ${port} reaches the keyspace with no password (Internet scans find exposed Redis within minutes).`;
  return `anyone who can route to ${port} reaches the server, and only a password stands between them and the keyspace (redis-server answers ~100,000 AUTH attempts per second).`;
}
