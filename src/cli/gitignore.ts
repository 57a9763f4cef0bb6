import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Converts one .gitignore line to a flat-config ignore pattern (the same translation as
 * @eslint/compat's `includeIgnoreFile`): a pattern without an inner slash matches at any depth,
 * a leading slash anchors it to the directory of the .gitignore, `!` re-includes.
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

/** The ignore patterns of `<dir>/.gitignore`, or none when there is no such file. */
export function gitignorePatterns(dir: string): string[] {
  const file = join(dir, '.gitignore');
  if (!existsSync(file)) return [];
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text.split(/\r?\n/).map(gitignoreLineToPattern).filter((p): p is string => p !== undefined);
}
