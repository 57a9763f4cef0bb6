import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * Converts one .gitignore line to a flat-config ignore pattern relative to the .gitignore's directory
 * (the same translation as @eslint/compat's `includeIgnoreFile`): a pattern without an inner slash
 * matches at any depth, a leading slash anchors it to the directory of the .gitignore, `!` re-includes.
 */
export function gitignoreLineToPattern(line: string): string | undefined {
  let pattern = line.replace(/(?<!\\)\s+$/, '');
  if (pattern === '' || pattern.startsWith('#')) return undefined;
  let negated = '';
  if (pattern.startsWith('!')) {
    negated = '!';
    pattern = pattern.slice(1);
  }
  pattern = pattern.replace(/^\\([#!])/, '$1');
  const anchored = pattern.replace(/\/$/, '').includes('/');
  if (pattern.startsWith('/')) pattern = pattern.slice(1);
  if (!anchored && !pattern.startsWith('**/')) pattern = `**/${pattern}`;
  return negated + pattern;
}

const toPosix = (path: string) => path.split(sep).join('/');
const hasGlob = (segment: string) => /[*?[\]{}!]/.test(segment);

/**
 * Re-bases a pattern of the .gitignore in `dir` onto the run's root. A .gitignore above the root (the
 * project's, when redis-lint runs in a subdirectory) keeps its any-depth patterns and the anchored ones
 * that lead into the root; one below it gets its directory as a prefix.
 */
export function rebasePattern(pattern: string, dir: string, root: string): string | undefined {
  const negated = pattern.startsWith('!') ? '!' : '';
  const body = negated ? pattern.slice(1) : pattern;
  const fromRoot = toPosix(relative(root, dir));
  if (!fromRoot.startsWith('..')) return negated + (fromRoot ? `${fromRoot}/${body}` : body);
  const down = toPosix(relative(dir, root)).split('/');
  if (down[0] === '..') return undefined;
  const segments = body.split('/');
  for (const step of down) {
    if (segments[0] === '**') return negated + segments.join('/');
    if (segments.length < 2 || segments[0] !== step || hasGlob(segments[0])) return undefined;
    segments.shift();
  }
  return negated + segments.join('/');
}

function patternsOfFile(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text.split(/\r?\n/).map(gitignoreLineToPattern).filter((p): p is string => p !== undefined);
}

/**
 * A path as a glob that matches only itself: ESLint reads ignores as minimatch patterns. Special
 * characters go in a class (`[*]`), which minimatch 3 (ESLint 8, 9) and 11 (ESLint 10) read alike, except
 * `!`: it only matters first (negation), where a class would read as `[!...]`, so it is backslash-escaped;
 * a backslash escapes itself.
 */
export const literalGlob = (path: string): string =>
  path
    .replace(/\\/g, '\\\\')
    .replace(/[*?[\]{}()+@#]/g, (c) => `[${c}]`)
    .replace(/^!/, '\\!');

/** Git's own environment during a hook points at the outer repository and index; `-C` must decide alone. */
function gitEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_PREFIX']) delete env[name];
  return env;
}

/**
 * What git ignores under `dir`, limited to `pathspecs` (relative to `dir`), as paths relative to `dir`
 * (directories with a trailing slash); undefined when git is missing or `dir` is not in a work tree.
 * Git applies every .gitignore (nested ones, the parents' when `dir` is a subdirectory),
 * .git/info/exclude and core.excludesFile, and never ignores a tracked file.
 */
export function gitIgnoredPaths(dir: string, pathspecs: string[]): string[] | undefined {
  const result = spawnSync(
    'git',
    ['--literal-pathspecs', '-C', dir, 'ls-files', '--others', '--ignored', '--exclude-standard', '--directory', '-z', '--', ...pathspecs],
    { encoding: 'utf8', env: gitEnv(), maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] },
  );
  if (result.error || result.status !== 0) return undefined;
  return result.stdout.split('\0').filter((entry) => entry !== '');
}

const isDirectory = (path: string) => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/** The directory holding `.git` at or above `dir`, if any. */
function workTreeOf(dir: string): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, '.git'))) return at;
    if (dirname(at) === at) return undefined;
  }
}

/**
 * Without git: the .gitignore files that apply to `scope`, read by hand: those of its parents (up to the
 * work tree's top, or up to the run's root outside a work tree) and those in and below it.
 */
function readGitignores(scope: string, root: string, top = workTreeOf(scope) ?? root): string[] {
  const patterns: string[] = [];
  const add = (dir: string) => {
    for (const pattern of patternsOfFile(join(dir, '.gitignore'))) {
      const rebased = rebasePattern(pattern, dir, root);
      if (rebased !== undefined) patterns.push(rebased);
    }
  };
  const parents: string[] = [];
  for (let at = scope; at !== top; ) {
    const up = dirname(at);
    if (up === at || relative(top, up).startsWith('..')) break;
    parents.unshift(up);
    at = up;
  }
  parents.forEach(add);
  // Directories a .gitignore names outright (`dist/`, `coverage/`) are not descended into.
  const walk = (dir: string, skipNames: Set<string>) => {
    add(dir);
    const own = patternsOfFile(join(dir, '.gitignore'))
      .filter((p) => /^\*\*\/[^/*?[\]{}!]+\/?$/.test(p))
      .map((p) => p.slice(3).replace(/\/$/, ''));
    const skip = own.length > 0 ? new Set([...skipNames, ...own]) : skipNames;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.isDirectory() && !skip.has(entry.name)) walk(join(dir, entry.name), skip);
    }
  };
  if (isDirectory(scope)) walk(scope, new Set(['node_modules', '.git']));
  return patterns;
}

/** What a run skips: flat-config patterns (relative to the root) and single files (absolute paths). */
export interface IgnoredPaths {
  /** Directories git ignores whole (`build/`, so ESLint does not walk them) and .gitignore patterns read by hand. */
  patterns: string[];
  /**
   * Single files git ignores. They go to ESLint as one set lookup, not a pattern each: a project that
   * compiles to .js next to its .ts sources has thousands, and ESLint tests every file against every pattern.
   */
  files: string[];
}

/** Whether git ignores `dir` itself (exit 0 of `git check-ignore`; 1 is not ignored, 128 not a work tree). */
function gitIgnores(dir: string): boolean {
  const result = spawnSync('git', ['-C', dir, 'check-ignore', '-q', '.'], { env: gitEnv(), stdio: 'ignore' });
  return !result.error && result.status === 0;
}

/**
 * What git ignores among `targets`, the absolute paths a run covers. One `git ls-files` call when the
 * root is inside a work tree; otherwise one per target directory, and the .gitignore files read by hand
 * where git cannot answer (no git, or not a work tree).
 *
 * A run rooted inside a directory git ignores (`cd node_modules/ioredis && redis-lint built`, a vendored
 * checkout) lints what it was pointed at: the root is then a world of its own, where only the .gitignore
 * files at and below it apply, as ESLint's own `node_modules` default applies below its cwd only.
 */
export function ignoredPaths(root: string, targets: string[]): IgnoredPaths {
  const out: IgnoredPaths = { patterns: [], files: [] };
  const take = (base: string, entries: string[]) => {
    for (const entry of entries) {
      const path = resolve(base, entry);
      const rel = toPosix(relative(root, path));
      if (rel === '' || rel.startsWith('..')) continue;
      if (entry.endsWith('/')) out.patterns.push(`${literalGlob(rel)}/`);
      else out.files.push(path);
    }
  };
  const pathspecs = (base: string, paths: string[]) => paths.map((p) => toPosix(relative(base, p)) || '.');
  const all = gitIgnoredPaths(root, pathspecs(root, targets));
  // git answers for an ignored root with a fatal error or with the targets themselves; one more call tells.
  const coversTarget = (entries: string[]) =>
    entries.some((entry) => targets.some((t) => !relative(resolve(root, entry), t).startsWith('..')));
  const rootIgnored = (all === undefined || coversTarget(all)) && gitIgnores(root);
  if (rootIgnored) {
    const scopes = [...new Set(targets.map((t) => (isDirectory(t) ? t : dirname(t))))];
    out.patterns.push(...scopes.flatMap((scope) => readGitignores(scope, root, root)));
    return out;
  }
  if (all !== undefined) {
    take(root, all);
    return out;
  }
  const scopes = [...new Set(targets.map((t) => (isDirectory(t) ? t : dirname(t))))].sort();
  const outermost = scopes.filter((s, i) => !scopes.slice(0, i).some((o) => !relative(o, s).startsWith('..')));
  for (const scope of outermost) {
    const ignored = gitIgnoredPaths(scope, ['.']);
    if (ignored !== undefined) take(scope, ignored);
    else out.patterns.push(...readGitignores(scope, root));
  }
  return out;
}
