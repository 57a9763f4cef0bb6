import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Dialect } from '../model';
import { freshName, indentOf, operandText } from './text';

/**
 * SCAN returns each key at least once, possibly more than once when the keyspace is rehashed during
 * the iteration, so every rewrite collects into a Set: the result is the same set of keys KEYS
 * returns, without blocking the server. COUNT 1000 keeps each SCAN call short (O(1000)) while
 * needing 10,000 round trips, not 1,000,000, for 10M keys (the default COUNT is 10).
 */
export function scanRewrite(
  dialect: Dialect,
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression,
  receiver: TSESTree.Node,
  pattern: TSESTree.Node,
  typescript: boolean,
): string | undefined {
  const client = operandText(sourceCode, receiver);
  const match = sourceCode.getText(pattern);
  if (dialect === 'ioredis') {
    const pages = freshName(['pages'], client, match);
    return `${client}.scanStream({ match: ${match}, count: 1000 }).toArray().then((${pages}) => [...new Set(${pages}.flat())])`;
  }
  if (dialect === 'node-redis-3') return undefined;
  const indent = indentOf(sourceCode, call);
  const found = freshName(['keys', 'found'], client, match);
  // The iterable of a for-of is evaluated with the loop's own bindings in their temporal dead zone,
  // so the loop variables must not be names the copied pattern reads.
  const key = freshName(['key', 'scannedKey'], client, match);
  const page = freshName(['page', 'scannedPage'], client, match);
  const loop =
    dialect === 'node-redis-4'
      ? `for await (const ${key} of ${client}.scanIterator({ MATCH: ${match}, COUNT: 1000 })) ${found}.add(${key});`
      : `for await (const ${page} of ${client}.scanIterator({ MATCH: ${match}, COUNT: 1000 })) for (const ${key} of ${page}) ${found}.add(${key});`;
  return [
    '(async () => {',
    `${indent}  const ${found} = new Set${typescript ? '<string>' : ''}();`,
    `${indent}  ${loop}`,
    `${indent}  return [...${found}];`,
    `${indent}})()`,
  ].join('\n');
}
