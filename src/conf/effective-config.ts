/**
 * The effective config: what redis-server runs with after reading a file and its includes.
 * The last occurrence of a directive wins, except `save`, whose lines add up; an absent directive
 * has its compiled default (no `bind` listens on every interface, no `maxmemory-policy` is noeviction).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { argsOf, type Directive, type Document } from './ast';
import { readAclFile, readAclUser, type AclUser } from './acl';
import { tableFor } from './directives/index';
import type { DirectiveTable } from './directives/types';
import { parseConf, asciiLower } from './parse';

export interface Occurrence {
  directive: Directive;
  /** Absolute path of the file that holds the directive. */
  file: string;
  /** The node in the linted file that brought it in: the directive itself, or the `include` line. */
  anchor: Directive;
}

export interface IncludeProblem {
  kind: 'missingInclude' | 'includeCycle' | 'unreadableInclude';
  anchor: Directive;
  /** The include path as written (a path, never a secret). */
  path: string;
  /** True when the path is relative, so it was looked for next to the file that includes it. */
  relative: boolean;
}

export interface DefaultUser {
  /** Anyone who can reach the port runs commands as this user without AUTH. */
  open: boolean;
  /** The user has the nopass flag (on or off): while protected mode is on, redis-server then refuses non-loopback clients. */
  nopass: boolean;
  /** Cleartext passwords in effect (for weak-password checks; never printed). */
  passwords: string[];
  commandRules: string[];
  source: 'user' | 'requirepass' | 'aclfile' | 'none';
  /** Where the default user was defined, when a line did. */
  occurrence?: Occurrence;
}

export interface AclUserEntry {
  user: AclUser;
  occurrence: Occurrence;
}

export interface EffectiveConfig {
  table: DirectiveTable;
  sentinel: boolean;
  /** Every directive in reading order, includes expanded in place. */
  occurrences: Occurrence[];
  /** The last occurrence of a directive (aliases resolved), or undefined when the compiled default applies. */
  last(name: string): Occurrence | undefined;
  /** Every occurrence of a directive (aliases resolved). */
  all(name: string): Occurrence[];
  /** The effective words of a directive: the last occurrence's arguments, or the compiled default split on spaces. */
  value(name: string): string[];
  /** `save` after accumulation: [] means snapshots are off. */
  savePoints(): { seconds: string; changes: string }[];
  /** Users declared by `user` lines (or the aclfile when readable), the `default` user included when declared. */
  users: AclUserEntry[];
  /** The `default` user as redis-server builds it: from a `user default` line, else `requirepass`, else no password. */
  defaultUser(): DefaultUser;
  /** Commands renamed (to '' when disabled) by rename-command. */
  renames: Map<string, string>;
  /**
   * The `aclfile` line in effect, and the users of that file when it could be read here (resolved next
   * to the config file when relative). With an aclfile, redis-server ignores requirepass and user lines.
   */
  aclfile?: {
    occurrence: Occurrence;
    /** The path as written (a path, never a secret). */
    path: string;
    relative: boolean;
    users?: { user: AclUser; line: number }[];
    /** Why redis-server would refuse the file: it is missing or unreadable, or a line of it is refused. */
    problem?: { kind: 'missingAclfile' | 'unreadableAclfile' | 'badAclfile'; line?: number; reason?: string };
  };
  includeProblems: IncludeProblem[];
}

const cache = new WeakMap<Document, EffectiveConfig>();

/** The effective config of a parsed file, computed once per Document. */
export function effectiveConfigOf(ast: Document, physicalPath: string, options: { redisVersion?: string; sentinel?: boolean } = {}): EffectiveConfig {
  let config = cache.get(ast);
  if (!config) {
    config = buildEffectiveConfig(ast, physicalPath, options);
    cache.set(ast, config);
  }
  return config;
}

const GLOB = /[*?[]/;

function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close === -1) source += '\\[';
      else {
        source += `[${pattern.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else source += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** glob(3) over path segments: matches sorted, hidden files only when the pattern starts with a dot. */
function expandGlob(pattern: string): string[] {
  const absolute = isAbsolute(pattern);
  const parts = pattern.split(/[/\\]+/).filter(Boolean);
  let paths = [absolute ? sep : ''];
  for (const part of parts) {
    const next: string[] = [];
    for (const base of paths) {
      if (!GLOB.test(part)) {
        next.push(base ? join(base, part) : part);
        continue;
      }
      let entries: string[] = [];
      try {
        entries = readdirSync(base || '.');
      } catch {
        continue;
      }
      const re = globToRegExp(part);
      for (const entry of entries.sort()) if (re.test(entry) && (part.startsWith('.') || !entry.startsWith('.'))) next.push(base ? join(base, entry) : entry);
    }
    paths = next;
  }
  return paths.filter((p) => {
    try {
      return statSync(p).isFile();
    } catch {
      return false;
    }
  });
}

function buildEffectiveConfig(ast: Document, physicalPath: string, options: { redisVersion?: string; sentinel?: boolean }): EffectiveConfig {
  const table = tableFor(options.redisVersion);
  const file = physicalPath && physicalPath !== '<input>' && physicalPath !== '<text>' ? resolve(physicalPath) : '';
  const sentinel = options.sentinel ?? /^sentinel/i.test(basename(file || ''));
  const occurrences: Occurrence[] = [];
  const includeProblems: IncludeProblem[] = [];
  const stack = new Set<string>(file ? [file] : []);
  let includes = 0;

  const walk = (directives: Directive[], fileName: string, anchorFor: (d: Directive) => Directive) => {
    for (const directive of directives) {
      const anchor = anchorFor(directive);
      occurrences.push({ directive, file: fileName, anchor });
      if (directive.name !== 'include' || directive.words.length !== 2 || directive.syntaxError) continue;
      const written = directive.words[1].value;
      const relative = !isAbsolute(written);
      // redis-server opens a relative include from its working directory at that moment (the directory it
      // was started from, or the `dir` of an earlier line, which chdir()s as it is read: loadServerConfig
      // in config.c). Neither is known here, so the path is taken from the including file's directory,
      // which is what the author of the file sees.
      const base = fileName ? dirname(fileName) : process.cwd();
      const target = isAbsolute(written) ? written : join(base, written);
      const files = GLOB.test(written) ? expandGlob(target) : [target];
      for (const included of files) {
        const path = resolve(included);
        if (stack.has(path)) {
          includeProblems.push({ kind: 'includeCycle', anchor, path: written, relative });
          continue;
        }
        // A runaway chain of distinct files is cut like a cycle, so a hostile tree cannot hang the linter.
        if (++includes > 1000) {
          includeProblems.push({ kind: 'includeCycle', anchor, path: written, relative });
          continue;
        }
        let text: string;
        try {
          text = readFileSync(path, 'utf8');
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          // fopen(3) opens a directory for reading and fgets then reads nothing: redis-server carries on.
          if (code === 'EISDIR') continue;
          includeProblems.push({ kind: code === 'ENOENT' ? 'missingInclude' : 'unreadableInclude', anchor, path: written, relative });
          continue;
        }
        stack.add(path);
        walk(parseConf(text).body, path, () => anchor);
        stack.delete(path);
      }
    }
  };
  walk(ast.body, file, (d) => d);

  const canonical = (name: string) => table.aliases[name] ?? name;
  const byName = new Map<string, Occurrence[]>();
  for (const o of occurrences) {
    const key = canonical(o.directive.name);
    if (!byName.has(key)) byName.set(key, []);
    byName.get(key)!.push(o);
  }
  const all = (name: string) => byName.get(canonical(name)) ?? [];
  const last = (name: string) => all(name).at(-1);
  const value = (name: string) => {
    const found = last(name);
    if (found) return argsOf(found.directive).map((w) => w.value);
    const def = table.directives[canonical(name)]?.default;
    return def === undefined || def === '' ? [] : def.split(' ');
  };

  const renames = new Map<string, string>();
  for (const o of all('rename-command')) {
    const [from, to] = argsOf(o.directive).map((w) => asciiLower(w.value));
    if (from !== undefined && to !== undefined) renames.set(from, to);
  }

  const users: AclUserEntry[] = [];
  for (const o of all('user')) {
    const words = argsOf(o.directive).map((w) => w.value);
    if (words.length > 0) users.push({ user: readAclUser(words[0], words.slice(1), table), occurrence: o });
  }
  const aclfile = last('aclfile');
  let aclfileInEffect: EffectiveConfig['aclfile'];
  if (aclfile && argsOf(aclfile.directive)[0]?.value) {
    const written = argsOf(aclfile.directive)[0].value;
    // Like a relative include, a relative aclfile is looked for next to the file that names it.
    const path = isAbsolute(written) ? written : join(aclfile.file ? dirname(aclfile.file) : process.cwd(), written);
    aclfileInEffect = { occurrence: aclfile, path: written, relative: !isAbsolute(written) };
    try {
      const read = readAclFile(readFileSync(path, 'utf8'), table);
      aclfileInEffect.users = read.users;
      if (read.error) aclfileInEffect.problem = { kind: 'badAclfile', line: read.error.line, reason: read.error.message };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A directory opens and reads as empty: redis-server starts with no users from it.
      if (code === 'EISDIR') aclfileInEffect.users = [];
      else aclfileInEffect.problem = { kind: code === 'ENOENT' ? 'missingAclfile' : 'unreadableAclfile' };
    }
  }
  const aclfileUsers = aclfileInEffect?.users?.map((e) => e.user);

  let savePointsCache: { seconds: string; changes: string }[] | undefined;
  const savePoints = () => (savePointsCache ??= accumulateSavePoints(all('save'), table));

  let defaultUserCache: DefaultUser | undefined;
  const defaultUser: EffectiveConfig['defaultUser'] = () => (defaultUserCache ??= buildDefaultUser());
  const buildDefaultUser = (): DefaultUser => {
    // `user default ...` (config or aclfile) starts from `reset` (off, no password, no commands); the
    // built-in default user is on, nopass and +@all until requirepass gives it a password.
    const fromRules = (u: AclUser, source: 'user' | 'aclfile', occurrence: Occurrence) => ({
      open: u.enabled && u.nopass,
      nopass: u.nopass,
      passwords: u.passwords,
      commandRules: u.commandRules,
      source,
      occurrence,
    });
    const builtIn = (source: 'aclfile' | 'none') => ({ open: true, nopass: true, passwords: [], commandRules: ['+@all'], source, occurrence: aclfile });
    if (aclfile && argsOf(aclfile.directive)[0]?.value) {
      // With an aclfile, requirepass is ignored and the file alone defines users. When it cannot be read here, assume it is safe.
      if (!aclfileUsers) return { open: false, nopass: false, passwords: [], commandRules: [], source: 'aclfile', occurrence: aclfile };
      const fromFile = aclfileUsers.filter((u) => u.name === 'default').at(-1);
      return fromFile ? fromRules(fromFile, 'aclfile', aclfile) : builtIn('aclfile');
    }
    const declared = users.filter((u) => u.user.name === 'default').at(-1);
    if (declared) return fromRules(declared.user, 'user', declared.occurrence);
    const requirepass = last('requirepass');
    const pass = requirepass ? (argsOf(requirepass.directive)[0]?.value ?? '') : '';
    if (pass) return { open: false, nopass: false, passwords: [pass], commandRules: ['+@all'], source: 'requirepass', occurrence: requirepass };
    return { ...builtIn('none'), occurrence: undefined };
  };

  return { table, sentinel, occurrences, last, all, value, savePoints, users, defaultUser, renames, includeProblems, aclfile: aclfileInEffect };
}

/**
 * `save` as config.c's `setConfigSaveOption` applies it while loading: the first `save` line in a file
 * replaces the compiled default, each later line appends its <seconds> <changes> pairs, and `save ""`
 * clears what came before. One pass, appending in place, so 100,000 save lines cost 100,000 steps.
 */
function accumulateSavePoints(lines: Occurrence[], table: DirectiveTable): { seconds: string; changes: string }[] {
  const points: { seconds: string; changes: string }[] = [];
  if (lines.length === 0) {
    const def = (table.directives.save?.default ?? '').split(' ').filter(Boolean);
    for (let i = 0; i + 1 < def.length; i += 2) points.push({ seconds: def[i], changes: def[i + 1] });
    return points;
  }
  for (const o of lines) {
    const words = o.directive.words;
    if (words.length === 2 && words[1].value === '') points.length = 0;
    // Words after the name, in pairs; an odd last word is conf-valid-directive's finding.
    else for (let i = 1; i + 1 < words.length; i += 2) points.push({ seconds: words[i].value, changes: words[i + 1].value });
  }
  return points;
}
