import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast-node-types';
import type { Dialect } from '../model';
import type { QueuedCommand } from './multi';
import { asStatements } from './text';

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

/**
 * A push already queued in a pipeline or MULTI gets its LTRIM queued right after it:
 * `redis.multi().lpush(k, v).exec()` -> `redis.multi().lpush(k, v).ltrim(k, 0, n-1).exec()`, or a
 * `batch.ltrim(...)` statement after `batch.lpush(...)`. The batch's reply gains one element, so
 * this is only done when the `exec()` reply is not used.
 */
export function ltrimInBatch(
  sourceCode: Readonly<TSESLint.SourceCode>, push: TSESTree.CallExpression, trim: QueuedCommand,
): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | undefined {
  const queuedText = `.${trim.method}(${trim.args})`;
  // Chained: the push is the object of the next queued call.
  if (push.parent.type === AST_NODE_TYPES.MemberExpression && push.parent.object === push) {
    let end: TSESTree.Node = push;
    while (end.parent?.type === AST_NODE_TYPES.MemberExpression && end.parent.object === end && end.parent.parent.type === AST_NODE_TYPES.CallExpression) {
      end = end.parent.parent;
    }
    const callee = end.type === AST_NODE_TYPES.CallExpression ? end.callee : undefined;
    const last = callee?.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : undefined;
    if ((last !== 'exec' && last !== 'execAsPipeline') || !replyUnused(end)) return undefined;
    return (fixer) => fixer.insertTextAfter(push, queuedText);
  }
  // Statements on a batch variable: `batch.lpush(k, v);` ... `await batch.exec();`
  const callee = push.callee;
  if (push.parent.type !== AST_NODE_TYPES.ExpressionStatement || callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier) return undefined;
  const batchName = callee.object.name;
  const variable = sourceCode.getScope(push).references.find((ref) => ref.identifier === callee.object)?.resolved;
  if (!variable) return undefined;
  const execs = variable.references.flatMap((ref) => {
    const member = ref.identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== ref.identifier || member.parent.type !== AST_NODE_TYPES.CallExpression) return [];
    const name = !member.computed && member.property.type === AST_NODE_TYPES.Identifier ? member.property.name : undefined;
    return name === 'exec' || name === 'execAsPipeline' ? [member.parent] : [];
  });
  if (execs.length === 0 || !execs.every(replyUnused)) return undefined;
  const statement = push.parent;
  const line = sourceCode.lines[statement.loc.start.line - 1] ?? '';
  const indent = /^\s*/.exec(line)![0];
  const text = asStatements(statement, indent, `${sourceCode.getText(statement)}\n${indent}${batchName}${queuedText};`);
  return (fixer) => fixer.replaceText(statement, text);
}

/** The call's reply is dropped: `await x.exec();` or `x.exec();` as a statement. */
function replyUnused(call: TSESTree.Node): boolean {
  let node = call;
  while (node.parent?.type === AST_NODE_TYPES.AwaitExpression || node.parent?.type === AST_NODE_TYPES.ChainExpression) node = node.parent;
  return node.parent?.type === AST_NODE_TYPES.ExpressionStatement;
}
