// What the bench, the smoke run and the fix-safety test share: the built plugin, the configs they
// lint with, and the list of source files under a folder.
import { createRequire } from 'node:module';
import { readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const require = createRequire(join(root, 'package.json'));

/** The plugin as users load it: the built package. */
export function loadPlugin() {
  return require(join(root, 'dist', 'src', 'index.js'));
}

/** ESLint ignores node_modules by default; the smoke run and the library bench lint it on purpose. */
export const lintNodeModules = { name: 'proof/lint-node-modules', ignores: ['!**/node_modules/'] };

/**
 * The same config with every rule removed: the same parsers on the same files, so the time it takes
 * is what parsing, scope analysis and traversal cost without any rule.
 */
export function parseOnly(config) {
  return config.map((entry) => {
    const { rules, ...rest } = entry;
    return rules ? { ...rest } : rest;
  });
}

/**
 * A config array normalised once, as the ESLint class does per run. Handing `Linter#verify` a plain
 * array re-normalises and re-validates the whole config on every file, a cost that grows with the
 * number of rules and that no real ESLint run pays; timing through it would charge that to the rules.
 */
export function prepared(config, cwd = root) {
  const { FlatConfigArray } = require(join(root, 'node_modules', 'eslint', 'lib', 'config', 'flat-config-array.js'));
  const array = new FlatConfigArray(config, { basePath: cwd });
  array.normalizeSync();
  return array;
}

export const sourceExtensions = /\.(?:js|mjs|cjs|ts)$/;

/** Every .js/.mjs/.cjs/.ts file under `dir`, sorted so runs are reproducible. */
export function sourceFiles(dir, { skip = () => false } = {}) {
  const out = [];
  const walk = (folder) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (skip(path)) continue;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && sourceExtensions.test(entry.name)) out.push(path);
    }
  };
  walk(dir);
  return out.sort();
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
