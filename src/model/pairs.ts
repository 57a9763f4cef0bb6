import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast-node-types';
import { hasStaticText, keyShape } from './keys';
import type { RedisCall } from './types';

/** The other commands of the file that name the same key as `call` (Lua commands name none). */
export function sameKeyCalls(calls: readonly RedisCall[], call: RedisCall, sourceCode: Readonly<TSESLint.SourceCode>): RedisCall[] {
  const shape = keyShape(call.keyNode, sourceCode);
  if (!shape) return [];
  // A key with no static text (a wrapper's `key` parameter) is the same key only within one
  // function: `set(key, v, 'NX')` in one method and `del(key)` in another share a name, not a key.
  const sameFunctionOnly = !hasStaticText(shape);
  return (indexOf(calls, sourceCode).get(shape.id) ?? []).filter((other) =>
    other !== call && other.node !== call.node && (!sameFunctionOnly || other.fn === call.fn));
}

/** The file's commands grouped by key shape, built once per list so pairing stays linear. */
const indexes = new WeakMap<readonly RedisCall[], Map<string, RedisCall[]>>();
function indexOf(calls: readonly RedisCall[], sourceCode: Readonly<TSESLint.SourceCode>): Map<string, RedisCall[]> {
  let index = indexes.get(calls);
  if (!index) {
    index = new Map();
    for (const other of calls) {
      const ids = new Set<string>();
      for (const node of other.keyNode ? [other.keyNode, ...other.keyNodes] : other.keyNodes) {
        const shape = keyShape(node, sourceCode);
        if (shape) ids.add(shape.id);
      }
      for (const id of ids) {
        const list = index.get(id) ?? [];
        list.push(other);
        index.set(id, list);
      }
    }
    indexes.set(calls, index);
  }
  return index;
}

/**
 * True when `first` is sent before `later` in source order. Calls are compared by where they end:
 * in a chain `multi().set(k).expire(k)` every call starts at `multi`, and in
 * `set(k, await get(k))` the inner GET ends (and runs) first.
 */
export function runsBefore(first: RedisCall, later: RedisCall): boolean {
  return first.node.range[1] < later.node.range[1];
}

/**
 * True when `later` runs after `first` in the same unit of work: queued in the same pipeline or
 * MULTI, or further down the same function (or both at module level).
 */
export function isLaterInScope(first: RedisCall, later: RedisCall): boolean {
  if (!runsBefore(first, later)) return false;
  if (first.batch && later.batch && first.batch.node === later.batch.node) return true;
  return first.fn === later.fn;
}

/**
 * The statement a command call stands alone in (`await redis.incr(k);`), or the declaration whose
 * only initialiser it is (`const n = await redis.incr(k);`), or undefined when its value flows
 * into some larger expression.
 */
export function statementOf(call: TSESTree.Node):
  | { kind: 'expression'; statement: TSESTree.ExpressionStatement; awaited: boolean }
  | { kind: 'declaration'; statement: TSESTree.VariableDeclaration; id: TSESTree.Identifier; awaited: boolean }
  | undefined {
  let node: TSESTree.Node = call;
  let awaited = false;
  while (node.parent && (node.parent.type === AST_NODE_TYPES.AwaitExpression || node.parent.type === AST_NODE_TYPES.ChainExpression)) {
    if (node.parent.type === AST_NODE_TYPES.AwaitExpression) awaited = true;
    node = node.parent;
  }
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.ExpressionStatement) return { kind: 'expression', statement: parent, awaited };
  if (
    parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier &&
    !parent.id.typeAnnotation && parent.parent.type === AST_NODE_TYPES.VariableDeclaration && parent.parent.declarations.length === 1
  ) return { kind: 'declaration', statement: parent.parent, id: parent.id, awaited };
  return undefined;
}

/**
 * True when a command's reply reaches a place `test` accepts: directly (`if (await redis.get(k))`)
 * or through the variable it is stored in (`const hit = await redis.get(k); if (!hit) ...`).
 */
export function replyReaches(call: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>, test: (use: TSESTree.Node) => boolean): boolean {
  let node: TSESTree.Node = call;
  while (node.parent && (node.parent.type === AST_NODE_TYPES.AwaitExpression || node.parent.type === AST_NODE_TYPES.ChainExpression)) node = node.parent;
  if (test(node)) return true;
  const declarator = node.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = sourceCode.getDeclaredVariables(declarator)[0];
  return variable?.references.some((ref) => !ref.init && test(ref.identifier as TSESTree.Node)) ?? false;
}
