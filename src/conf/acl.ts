/**
 * ACL rules of a `user` line (or an aclfile line), as ACLSetUser reads them. redis-server checks
 * them when it loads the users after the config file, and refuses to start on an error.
 */
import { createHash } from 'node:crypto';
import type { DirectiveTable } from './directives/types';

export interface AclUser {
  name: string;
  /** `on` was the last of on/off (users start off). */
  enabled: boolean;
  /** `nopass` was set and not reset by a later password or `resetpass`. */
  nopass: boolean;
  /** Indexes (into the rule list) of `>password` / `#hash` rules that are still in effect. */
  passwordRules: number[];
  /** Cleartext passwords still in effect (for weak-password checks; never printed). */
  passwords: string[];
  /** Command permissions in order: `+get`, `-@dangerous`, `allcommands` ... */
  commandRules: string[];
  /** Index of the first rule redis-server refuses, and why. */
  error?: { index: number; message: string };
}

const USER_FLAGS = new Set(['on', 'off', 'nopass', 'resetpass', 'reset', 'skip-sanitize-payload', 'sanitize-payload', 'clearselectors']);
// What ACLSetSelector takes, at the top level and inside a "(...)" selector.
const SELECTOR_FLAGS = new Set(['allkeys', 'resetkeys', 'allchannels', 'resetchannels', 'allcommands', 'nocommands']);

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * ACLMergeSelectorArguments: a word that opens "(" without closing it is joined with the words after
 * it, up to one that ends with ")". Each merged rule keeps the index of its first word.
 */
function mergeSelectors(rules: string[]): { rules: { text: string; index: number }[]; unclosedAt?: number } {
  const merged: { text: string; index: number }[] = [];
  let open: { text: string; index: number } | undefined;
  rules.forEach((rule, index) => {
    if (!open && rule.startsWith('(') && !rule.endsWith(')')) {
      open = { text: rule, index };
      return;
    }
    if (open) {
      open.text += ` ${rule}`;
      if (rule.endsWith(')')) {
        merged.push(open);
        open = undefined;
      }
      return;
    }
    merged.push({ text: rule, index });
  });
  return open ? { rules: merged, unclosedAt: open.index } : { rules: merged };
}

/** Reads rules in order; `rules` are the words after the user name. */
export function readAclUser(name: string, rules: string[], table: DirectiveTable): AclUser {
  const user: AclUser = { name, enabled: false, nopass: false, passwordRules: [], passwords: [], commandRules: [] };
  const commands = new Set(table.commands);
  // `@all` is accepted by ACLSetUser though ACL CAT does not list it.
  const categories = new Set([...table.aclCategories, 'all']);
  const hasSubcommands = new Set(table.commands.filter((c) => c.includes('|')).map((c) => c.split('|')[0]));
  // The password hashes in effect, with the rule that added each and its cleartext when it was given as ">password".
  let hashes: { hash: string; index: number; password?: string }[] = [];
  if (/[\s]/.test(name)) {
    user.error = { index: -1, message: 'a user name cannot contain spaces' };
    return user;
  }

  /** One command, key or channel rule (ACLSetSelector); an error message, or undefined. */
  const selectorRule = (rule: string, commandRules?: string[]): string | undefined => {
    const lower = rule.toLowerCase();
    if (SELECTOR_FLAGS.has(lower)) {
      if (lower === 'allcommands' || lower === 'nocommands') commandRules?.push(lower === 'allcommands' ? '+@all' : '-@all');
      return undefined;
    }
    const first = rule[0];
    if (first === '~' || first === '&') return undefined;
    if (first === '%') return /^%(R|W|RW)~/i.test(rule) ? undefined : 'syntax error in an ACL rule';
    if (first === '+' || first === '-') {
      const target = lower.slice(1);
      if (target.startsWith('@')) {
        if (!categories.has(target.slice(1))) return 'unknown ACL category';
        commandRules?.push(`${first}${target}`);
        return undefined;
      }
      const [command, sub] = target.split('|');
      if (!commands.has(command)) return 'unknown command in an ACL rule';
      if (sub !== undefined && hasSubcommands.has(command) && !commands.has(`${command}|${sub}`)) return 'unknown subcommand in an ACL rule';
      if (sub !== undefined && !hasSubcommands.has(command) && first === '-') return 'a first-argument rule can only allow, not deny';
      commandRules?.push(`${first}${target}`);
      return undefined;
    }
    return 'syntax error in an ACL rule';
  };

  const { rules: merged, unclosedAt } = mergeSelectors(rules);
  for (const { text: rule, index } of merged) {
    const fail = (message: string) => (user.error = { index, message });
    // An empty word (two spaces in an aclfile line) changes nothing.
    if (rule === '') continue;
    // A selector "(...)": its rules are the selector grammar, and they do not grant the root permissions.
    if (rule.startsWith('(') && rule.endsWith(')') && rule.length >= 2) {
      const inner = rule.slice(1, -1).split(/[ \t\n\r\v\f]+/).filter(Boolean);
      const bad = inner.map((r) => selectorRule(r)).find((m) => m !== undefined);
      if (bad) {
        fail(`${bad} inside a selector`);
        break;
      }
      continue;
    }
    const lower = rule.toLowerCase();
    if (USER_FLAGS.has(lower)) {
      if (lower === 'on') user.enabled = true;
      if (lower === 'off') user.enabled = false;
      if (lower === 'nopass') {
        user.nopass = true;
        hashes = [];
      }
      if (lower === 'resetpass') {
        user.nopass = false;
        hashes = [];
      }
      if (lower === 'reset') {
        Object.assign(user, { enabled: false, nopass: false, commandRules: [] });
        hashes = [];
      }
      continue;
    }
    const first = rule[0];
    if (first === '>') {
      user.nopass = false;
      const password = rule.slice(1);
      const hash = sha256(password);
      if (!hashes.some((h) => h.hash === hash)) hashes.push({ hash, index, password });
      continue;
    }
    if (first === '#' || first === '!' || first === '<') {
      const hash = first === '<' ? sha256(rule.slice(1)) : rule.slice(1);
      if (first !== '<' && !/^[0-9a-f]{64}$/.test(hash)) {
        fail('a password hash must be exactly 64 lowercase hexadecimal characters');
        break;
      }
      if (first === '#') {
        user.nopass = false;
        if (!hashes.some((h) => h.hash === hash)) hashes.push({ hash, index });
        continue;
      }
      // Removing a password the user does not have is an error ("The password you are trying to remove ... does not exist").
      if (!hashes.some((h) => h.hash === hash)) {
        fail('it removes a password the user does not have');
        break;
      }
      hashes = hashes.filter((h) => h.hash !== hash);
      continue;
    }
    const bad = selectorRule(rule, user.commandRules);
    if (bad) {
      fail(bad);
      break;
    }
  }
  if (!user.error && unclosedAt !== undefined) user.error = { index: unclosedAt, message: 'a selector "(" is never closed with ")"' };
  user.passwordRules = hashes.map((h) => h.index);
  user.passwords = hashes.flatMap((h) => (h.password !== undefined ? [h.password] : []));
  return user;
}

/**
 * Whether a user may run a command after its rules: later rules win, `+@all`/`-@all` reset,
 * categories are matched through `categoryOf`.
 */
export function aclAllows(user: AclUser, command: string, categoriesOf: (command: string) => string[]): boolean {
  let allowed = false;
  for (const rule of user.commandRules) {
    const grant = rule[0] === '+';
    const target = rule.slice(1);
    if (target === '@all') allowed = grant;
    else if (target.startsWith('@') && categoriesOf(command).includes(target.slice(1))) allowed = grant;
    else if (target === command || target.startsWith(`${command}|`)) {
      if (target === command) allowed = grant;
    }
  }
  return allowed;
}

export interface AclFile {
  users: { user: AclUser; line: number }[];
  /** The first line redis-server refuses, and why: any error in the file stops the server at boot. */
  error?: { line: number; message: string };
}

/**
 * An aclfile as ACLLoadFromFile (acl.c) reads it, which is not the redis.conf reader: lines are trimmed
 * and split on single spaces (no quoting, and no comments: a "#" line is an error), each must be
 * `user <name> <rules...>` with "user" in lower case, a name may not contain whitespace, and a name
 * may appear once.
 */
export function readAclFile(text: string, table: DirectiveTable): AclFile {
  const users: AclFile['users'] = [];
  const names = new Set<string>();
  let error: AclFile['error'];
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const fail = (message: string) => (error ??= { line, message });
    const trimmed = raw.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
    if (trimmed === '') return;
    const argv = trimmed.split(' ');
    if (argv[0] !== 'user' || argv.length < 2) {
      fail('does not start with "user" and a user name (an aclfile has no comments)');
      return;
    }
    const name = argv[1];
    if (/[\s]/.test(name)) {
      fail('has a user name with whitespace in it');
      return;
    }
    if (names.has(name)) {
      fail('defines a user that an earlier line already defined');
      return;
    }
    names.add(name);
    // ACLLoadFromFile trims "\t\r\n" from each rule before applying it.
    const user = readAclUser(name, argv.slice(2).map((r) => r.replace(/^[\t\r\n]+|[\t\r\n]+$/g, '')), table);
    if (user.error) fail(`has an ACL rule it rejects (${user.error.message})`);
    users.push({ user, line });
  });
  return error ? { users, error } : { users };
}
