import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { isSameKey, keyShape, matchesKeyPattern, type KeyShape } from '../../src/model/keys';

/**
 * Runs `fn` on the first arguments of every `key(...)` call in the code, with the file's SourceCode,
 * as a rule would see them.
 */
function withKeys<T>(code: string, fn: (keys: TSESTree.Node[], sourceCode: TSESLint.SourceCode) => T): T {
  let result: T | undefined;
  const linter = new Linter({ configType: 'flat' });
  const rule = {
    create(context: TSESLint.RuleContext<string, []>) {
      const keys: TSESTree.Node[] = [];
      return {
        CallExpression(node: TSESTree.CallExpression) {
          if (node.callee.type === 'Identifier' && node.callee.name === 'key') keys.push(node.arguments[0]);
        },
        'Program:exit'() {
          result = fn(keys, context.sourceCode as TSESLint.SourceCode);
        },
      };
    },
  };
  const messages = linter.verify(code, [
    {
      files: ['**/*.ts'],
      plugins: { probe: { rules: { keys: rule as never } } },
      languageOptions: { parser: tsParser },
      rules: { 'probe/keys': 'error' },
    },
  ], { filename: 'probe.ts' });
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return result as T;
}

const same = (code: string) => withKeys(code, ([a, b], sc) => isSameKey(a, b, sc));
const shape = (code: string) => withKeys(code, ([a], sc) => keyShape(a, sc));

describe('isSameKey', () => {
  it.each([
    ['the same string literal', "key('jobs'); key('jobs');"],
    ['a literal and a template without parts', "key('jobs'); key(`jobs`);"],
    ['a template and a concatenation', 'declare const id: string; key(`session:${id}`); key(\'session:\' + id);'],
    ['a split concatenation', "declare const id: string; key('session:' + id + ':data'); key(`session:${id}:data`);"],
    ['a const prefix and its text', "const PREFIX = 'sess:'; declare const id: string; key(PREFIX + id); key(`sess:${id}`);"],
    ['a const key and its literal', "const QUEUE = 'queue:mail'; key(QUEUE); key('queue:mail');"],
    ['a const template', 'declare const id: string; const k = `rate:${id}`; key(k); key(`rate:${id}`);'],
    ['the same member expression', 'declare const keys: { jobs: string }; key(keys.jobs); key(keys.jobs);'],
    ['a number part', "key('shard:' + 1); key('shard:1');"],
  ])('%s', (_, code) => {
    expect(same(code)).toBe(true);
  });

  it.each([
    ['different literals', "key('jobs'); key('jobs:done');"],
    ['different dynamic parts', 'declare const a: string, b: string; key(`session:${a}`); key(`session:${b}`);'],
    ['different prefixes', 'declare const id: string; key(`session:${id}`); key(`sess:${id}`);'],
    ['a let prefix (may change)', "let p = 'a:'; declare const id: string; key(p + id); key(`a:${id}`);"],
    ['unknown calls', 'declare function next(): string; key(next()); key(next());'],
    ['a number sum is no concatenation', 'declare const a: number, b: number; key(a + b); key(a + b);'],
  ])('%s', (_, code) => {
    expect(same(code)).toBe(false);
  });
});

describe('keyShape', () => {
  it('reads prefix, glob and whether the key is constant', () => {
    expect(shape('declare const id: string; key(`session:${id}:data`);')).toMatchObject({ prefix: 'session:', glob: 'session:*:data', constant: false });
    expect(shape("key('queue:mail');")).toMatchObject({ prefix: 'queue:mail', glob: 'queue:mail', constant: true });
    expect(shape('declare const k: string; key(k);')).toMatchObject({ prefix: '', glob: '*', constant: false });
    expect(shape('key(1 + 2 + next());')).toBeUndefined();
  });

  it('does not throw on deep or odd expressions', () => {
    const deep = Array.from({ length: 200 }, (_, i) => `'p${i}'`).join(' + ');
    expect(() => shape(`key(${deep});`)).not.toThrow();
    expect(shape('key();')).toBeUndefined();
    expect(shape('key(...parts);')).toBeUndefined();
  });
});

describe('matchesKeyPattern', () => {
  const s = (code: string) => shape(code) as KeyShape;
  it('matches Redis globs where dynamic parts match only *', () => {
    const session = s('declare const id: string; key(`session:${id}`);');
    expect(matchesKeyPattern('session:*', session)).toBe(true);
    expect(matchesKeyPattern('session:?', session)).toBe(false);
    expect(matchesKeyPattern('cache:*', session)).toBe(false);
    expect(matchesKeyPattern('*', session)).toBe(true);
    expect(matchesKeyPattern('user:[0-9]', s("key('user:7');"))).toBe(true);
    expect(matchesKeyPattern('user:\\*', s("key('user:*');"))).toBe(true);
    expect(matchesKeyPattern('user:\\*', s('declare const id: string; key(`user:${id}`);'))).toBe(false);
    expect(matchesKeyPattern('[', s("key('[');"))).toBe(true);
  });
});
