import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { Dialect } from '../model';
import type { QueuedCommand } from './multi';

/**
 * The LTRIM that keeps the newest `maxLength` items after a push: LPUSH adds at the head, so the
 * newest items are indexes 0..n-1; RPUSH adds at the tail, so they are -n..-1. LTRIM is O(removed),
 * usually one item per push.
 */
export function ltrimAfterPush(command: string, pushMethod: string, dialect: Dialect, keyText: string, maxLength: number): QueuedCommand {
  const atHead = command.startsWith('L');
  const method = dialect === 'ioredis' ? 'ltrim' : pushMethod === pushMethod.toUpperCase() ? 'LTRIM' : 'lTrim';
  return { method, args: atHead ? `${keyText}, 0, ${maxLength - 1}` : `${keyText}, ${-maxLength}, -1` };
}

/**
 * A key expression that can be written twice without changing what runs: names, literals,
 * templates and concatenations of them. A call (`nextKey()`) would run twice.
 */
export function isRepeatable(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.ThisExpression:
      return true;
    case AST_NODE_TYPES.MemberExpression:
      return isRepeatable(node.object) && (!node.computed || isRepeatable(node.property));
    case AST_NODE_TYPES.TemplateLiteral:
      return node.expressions.every(isRepeatable);
    case AST_NODE_TYPES.BinaryExpression:
      return node.left.type !== AST_NODE_TYPES.PrivateIdentifier && isRepeatable(node.left) && isRepeatable(node.right);
    default:
      return false;
  }
}

/**
 * XADD with `MAXLEN ~ n`: `~` lets Redis trim whole radix-tree nodes, so the stream keeps at least
 * `n` newest entries (a few more until a node fills) at O(1) amortised cost per XADD.
 */
export function xaddWithMaxlen(
  dialect: Dialect, call: TSESTree.CallExpression, maxLength: number,
): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | undefined {
  const args = call.arguments;
  if (dialect === 'ioredis') {
    if (args.length < 2) return undefined;
    return (fixer) => fixer.insertTextBefore(args[1], `'MAXLEN', '~', ${maxLength}, `);
  }
  if ((dialect === 'node-redis-4' || dialect === 'node-redis-5') && args.length === 3) {
    return (fixer) => fixer.insertTextAfter(args[2], `, { TRIM: { strategy: 'MAXLEN', strategyModifier: '~', threshold: ${maxLength} } }`);
  }
  return undefined;
}
