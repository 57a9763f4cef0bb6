import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve, isAbsolute } from 'node:path';

/**
 * The major version of a client library as the linted file would load it: the copy installed in the
 * nearest node_modules, else the range the nearest package.json asks for (an npm alias such as
 * `npm:redis@4` included). Cached per directory, so a project of thousands of files reads each
 * package.json once.
 */
const cache = new Map<string, number | null>();

function majorOf(range: string): number | null {
  const aliased = /^npm:[^@]*@?(?:@[^@]+)?@(.*)$/.exec(range);
  const text = aliased ? aliased[1] : range;
  const match = /(\d+)/.exec(text);
  return match ? Number(match[1]) : null;
}

function readJson(path: string): Record<string, unknown> | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

function lookup(dir: string, moduleName: string): number | null {
  const key = `${dir}\0${moduleName}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let result: number | null = null;
  const installed = join(dir, 'node_modules', moduleName, 'package.json');
  const manifest = join(dir, 'package.json');
  if (existsSync(installed)) {
    const pkg = readJson(installed);
    if (pkg && typeof pkg.version === 'string') result = majorOf(pkg.version);
  }
  if (result === null && existsSync(manifest)) {
    const pkg = readJson(manifest);
    for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
      const deps = pkg?.[field] as Record<string, string> | undefined;
      if (deps && typeof deps[moduleName] === 'string') {
        result = majorOf(deps[moduleName]);
        break;
      }
    }
  }
  if (result === null) {
    const parent = dirname(dir);
    if (parent !== dir) result = lookup(parent, moduleName);
  }
  cache.set(key, result);
  return result;
}

export function resolveMajorVersion(filename: string, moduleName: string, cwd: string): number | undefined {
  const file = filename && filename !== '<input>' && filename !== '<text>' ? filename : join(cwd, 'file.js');
  const dir = dirname(isAbsolute(file) ? file : resolve(cwd, file));
  return lookup(dir, moduleName) ?? undefined;
}
