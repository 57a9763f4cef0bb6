/**
 * ACL rules of a `user` line (or an aclfile line), as ACLSetUser reads them. redis-server checks
 * them when it loads the users after the config file, and refuses to start on an error.
 */
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

const FLAGS = new Set(['on', 'off', 'nopass', 'resetpass', 'reset', 'allkeys', 'resetkeys', 'allchannels', 'resetchannels', 'allcommands', 'nocommands', 'skip-sanitize-payload', 'sanitize-payload', 'clearselectors']);

/** Reads rules in order; `rules` are the words after the user name. */
export function readAclUser(name: string, rules: string[], table: DirectiveTable): AclUser {
  const user: AclUser = { name, enabled: false, nopass: false, passwordRules: [], passwords: [], commandRules: [] };
  const commands = new Set(table.commands);
  // `@all` is accepted by ACLSetUser though ACL CAT does not list it.
  const categories = new Set([...table.aclCategories, 'all']);
  const hasSubcommands = new Set(table.commands.filter((c) => c.includes('|')).map((c) => c.split('|')[0]));
  let passwordIndexes: { index: number; password?: string }[] = [];
  let inSelector = false;
  rules.forEach((rule, index) => {
    if (user.error) return;
    const fail = (message: string) => (user.error = { index, message });
    // Selectors "(...)" may span words; their inner rules are checked by the same grammar at load.
    if (inSelector || rule.startsWith('(')) {
      inSelector = !rule.endsWith(')');
      return;
    }
    const lower = rule.toLowerCase();
    if (FLAGS.has(lower)) {
      if (lower === 'on') user.enabled = true;
      if (lower === 'off') user.enabled = false;
      if (lower === 'nopass') {
        user.nopass = true;
        passwordIndexes = [];
      }
      if (lower === 'resetpass') {
        user.nopass = false;
        passwordIndexes = [];
      }
      if (lower === 'reset') {
        Object.assign(user, { enabled: false, nopass: false, commandRules: [] });
        passwordIndexes = [];
      }
      if (lower === 'allcommands' || lower === 'nocommands') user.commandRules.push(lower === 'allcommands' ? '+@all' : '-@all');
      return;
    }
    const first = rule[0];
    if (first === '>') {
      user.nopass = false;
      passwordIndexes.push({ index, password: rule.slice(1) });
    } else if (first === '<') {
      passwordIndexes = passwordIndexes.filter((p) => p.password !== rule.slice(1));
    } else if (first === '#' || first === '!') {
      if (!/^[0-9a-f]{64}$/.test(rule.slice(1))) {
        fail('a password hash must be exactly 64 lowercase hexadecimal characters');
        return;
      }
      if (first === '#') {
        user.nopass = false;
        passwordIndexes.push({ index });
      }
    } else if (first === '~' || first === '&' || /^%(R|W|RW)~/i.test(rule)) {
      return;
    } else if (first === '+' || first === '-') {
      const target = lower.slice(1);
      if (target.startsWith('@')) {
        if (!categories.has(target.slice(1))) fail('unknown ACL category');
        else user.commandRules.push(`${first}${target}`);
        return;
      }
      const [command, sub] = target.split('|');
      if (!commands.has(command)) fail('unknown command in an ACL rule');
      else if (sub !== undefined && hasSubcommands.has(command) && !commands.has(`${command}|${sub}`)) fail('unknown subcommand in an ACL rule');
      else if (sub !== undefined && !hasSubcommands.has(command) && first === '-') fail('a first-argument rule can only allow, not deny');
      else user.commandRules.push(`${first}${target}`);
    } else {
      fail('syntax error in an ACL rule');
    }
  });
  user.passwordRules = passwordIndexes.map((p) => p.index);
  user.passwords = passwordIndexes.flatMap((p) => (p.password !== undefined ? [p.password] : []));
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
