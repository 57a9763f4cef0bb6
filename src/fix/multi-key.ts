import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast-node-types';
import type { Dialect } from '../model';
import { asStatements, declarationScope, freshName, indentOf } from './text';

type Loop = TSESTree.ForStatement | TSESTree.ForOfStatement | TSESTree.ForInStatement;

/**
 * node-redis converts a number given to SET into a string, but passes MSET's pairs through as they
 * are (and rejects numbers), so only values that are strings by construction move to MSET there.
 */
function isStringValue(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string';
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return true;
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const callee = node.callee;
    if (callee.type === AST_NODE_TYPES.Identifier) return callee.name === 'String';
    return callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier &&
      callee.object.name === 'JSON' && callee.property.type === AST_NODE_TYPES.Identifier && callee.property.name === 'stringify';
  }
  return false;
}

/**
 * A loop of plain `SET key value` as one MSET: one command instead of one per key, and the same end
 * state (MSET overwrites like SET, a key written twice keeps the last value). MSET with no pairs is
 * an error, so an empty loop sends nothing, as before.
 */
export function msetRewrite(
  dialect: Dialect, sourceCode: Readonly<TSESLint.SourceCode>, loop: Loop, receiverText: string, call: TSESTree.CallExpression,
): string | undefined {
  if (dialect === 'node-redis-3' || call.arguments.length !== 2) return undefined;
  const [key, value] = call.arguments;
  if (key.type === AST_NODE_TYPES.SpreadElement || value.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const nodeRedis = dialect !== 'ioredis';
  if (nodeRedis && !isStringValue(value)) return undefined;
  const indent = indentOf(sourceCode, loop);
  const entries = freshName(['entries', 'pairs'], sourceCode.getText(declarationScope(loop)));
  const header = sourceCode.text.slice(loop.range[0], loop.body.range[0]);
  const pair = nodeRedis ? `[${sourceCode.getText(key)}, ${sourceCode.getText(value)}]` : `${sourceCode.getText(key)}, ${sourceCode.getText(value)}`;
  return asStatements(loop, indent, [
    `const ${entries} = [];`,
    `${indent}${header}{`,
    `${indent}  ${entries}.push(${pair});`,
    `${indent}}`,
    `${indent}if (${entries}.length > 0) await ${receiverText}.${nodeRedis ? 'mSet' : 'mset'}(${entries});`,
  ].join('\n'));
}

/**
 * A loop of `results.push(await redis.get(key))` as one MGET. Offered as a suggestion: for a key that
 * holds a hash or a list, GET fails with WRONGTYPE but MGET answers null, so the rewrite is only the
 * same program when every key holds a string or nothing.
 */
export function mgetRewrite(
  dialect: Dialect, sourceCode: Readonly<TSESLint.SourceCode>, loop: Loop, receiverText: string,
  call: TSESTree.CallExpression, collector: TSESTree.Identifier,
): string | undefined {
  if (dialect === 'node-redis-3' || call.arguments.length !== 1 || call.arguments[0].type === AST_NODE_TYPES.SpreadElement) return undefined;
  const indent = indentOf(sourceCode, loop);
  const keys = freshName(['keysToRead'], sourceCode.getText(declarationScope(loop)));
  // Lives only in the new loop, which reads the reply and the array it pushes to.
  const value = freshName(['value', 'reply'], sourceCode.getText(loop), keys);
  const header = sourceCode.text.slice(loop.range[0], loop.body.range[0]);
  return asStatements(loop, indent, [
    `const ${keys} = [];`,
    `${indent}${header}{`,
    `${indent}  ${keys}.push(${sourceCode.getText(call.arguments[0])});`,
    `${indent}}`,
    `${indent}if (${keys}.length > 0) for (const ${value} of await ${receiverText}.${dialect === 'ioredis' ? 'mget' : 'mGet'}(${keys})) ${collector.name}.push(${value});`,
  ].join('\n'));
}
