import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';
import { AST_NODE_TYPES } from '../util/ast-node-types';
import type { ClientConstruction } from './types';
import { propertyName, unwrap } from './build';

type Node = TSESTree.Node;

/** How a client built inside a function is used there. */
export interface ClientUse {
  /** The client leaves the function: returned, stored on `this` or outside, handed to another call. */
  escapes: boolean;
  /** The declaration holding the client (`const redis = new Redis()`), when it is held in a local. */
  declarator?: TSESTree.VariableDeclarator;
  /** `createClient().connect()` written in the initializer: the local holds the connected client. */
  connectInInit?: TSESTree.CallExpression;
  /** Every `local.method(...)` call, in source order. */
  methodCalls: Array<{ call: TSESTree.CallExpression; method: string }>;
}

/**
 * Follows a constructed client through the function that builds it. A client that is returned, stored
 * or passed to something else is kept beyond the call (a factory, a service), so only a client that
 * lives and dies in the call costs a new connection per call.
 */
export function clientUse(construction: ClientConstruction, sourceCode: Readonly<TSESLint.SourceCode>): ClientUse {
  const methodCalls: ClientUse['methodCalls'] = [];
  let holder: Node = construction.node;
  let connectInInit: TSESTree.CallExpression | undefined;
  for (;;) {
    const parent: Node | undefined = holder.parent;
    if (!parent) return { escapes: true, methodCalls };
    if (parent.type === AST_NODE_TYPES.AwaitExpression || unwrap(parent) !== parent || parent.type === AST_NODE_TYPES.TSAsExpression) {
      holder = parent;
      continue;
    }
    // node-redis 4+: `await createClient(options).connect()` resolves to the client itself.
    if (
      parent.type === AST_NODE_TYPES.MemberExpression && parent.object === holder && propertyName(parent) === 'connect' &&
      parent.parent?.type === AST_NODE_TYPES.CallExpression && parent.parent.callee === parent && construction.client.library === 'node-redis'
    ) {
      connectInInit = parent.parent;
      holder = parent.parent;
      continue;
    }
    break;
  }
  const parent = holder.parent!;
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === holder) {
    const call = parent.parent;
    const method = propertyName(parent);
    if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === parent && method) {
      methodCalls.push({ call, method });
      return { escapes: false, methodCalls };
    }
    return { escapes: true, methodCalls };
  }
  if (parent.type === AST_NODE_TYPES.ExpressionStatement) return { escapes: false, methodCalls };
  if (parent.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== holder || parent.id.type !== AST_NODE_TYPES.Identifier) {
    return { escapes: true, methodCalls };
  }
  const declarator = parent;
  const variable = sourceCode.getDeclaredVariables(declarator)[0];
  if (!variable) return { escapes: true, methodCalls };
  for (const reference of variable.references) {
    if (reference.init) continue;
    if (reference.isWrite()) return { escapes: true, declarator, methodCalls };
    const id = reference.identifier as Node;
    // A closure that reads the client keeps it alive after the call when it is returned, stored or
    // registered (`return (req) => r.get(req.id)`): a factory, not a client per call.
    if (insideKeptClosure(id, construction.fn)) return { escapes: true, declarator, methodCalls };
    const member = id.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== id) return { escapes: true, declarator, methodCalls };
    const call = member.parent;
    const method = propertyName(member);
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member || !method) {
      // `redis.status`, `client.isOpen`: reading a property keeps the client local.
      if (call?.type === AST_NODE_TYPES.AssignmentExpression && call.left === member) return { escapes: true, declarator, methodCalls };
      continue;
    }
    methodCalls.push({ call, method });
  }
  methodCalls.sort((a, b) => a.call.range[0] - b.call.range[0]);
  return { escapes: false, declarator, connectInInit, methodCalls };
}

/** Array methods that call their callback before they return, and never again. */
const immediateCallbackMethods = new Set(['map', 'forEach', 'filter', 'reduce', 'reduceRight', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex', 'flatMap']);

/**
 * Whether `node` sits in a function nested in `owner` that may outlive the call: anything but a
 * callback run on the spot (`ids.map((id) => r.get(id))`, a `new Promise` executor).
 */
function insideKeptClosure(node: Node, owner: Node | undefined): boolean {
  for (let p = node.parent; p && p !== owner; p = p.parent) {
    if (p.type !== AST_NODE_TYPES.FunctionExpression && p.type !== AST_NODE_TYPES.ArrowFunctionExpression && p.type !== AST_NODE_TYPES.FunctionDeclaration) continue;
    const call = p.parent;
    if (call?.type === AST_NODE_TYPES.NewExpression && call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === 'Promise' && call.arguments[0] === p) continue;
    if (call?.type === AST_NODE_TYPES.CallExpression && call.arguments[0] === p && call.callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = propertyName(call.callee);
      if (method && immediateCallbackMethods.has(method)) continue;
    }
    return true;
  }
  return false;
}

const testHooks = new Set(['it', 'test', 'describe', 'beforeAll', 'beforeEach', 'afterAll', 'afterEach', 'before', 'after', 'bench', 'suite']);
const onceNames = /^(main|bootstrap)$/i;

/**
 * Whether a function runs once rather than per call: a test hook, a constructor, an IIFE at module
 * level, or a named function (`main`, `bootstrap`) only ever called from the module's top level.
 */
export function runsOnce(fn: Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.MethodDefinition && parent.kind === 'constructor') return true;
  if (parent?.type === AST_NODE_TYPES.CallExpression) {
    if (parent.callee === fn) return !insideFunction(parent);
    let callee: Node = parent.callee;
    while (callee.type === AST_NODE_TYPES.MemberExpression || callee.type === AST_NODE_TYPES.CallExpression) {
      callee = callee.type === AST_NODE_TYPES.MemberExpression ? callee.object : callee.callee;
    }
    if (callee.type === AST_NODE_TYPES.Identifier && testHooks.has(callee.name)) return true;
  }
  let nameNode: TSESTree.Identifier | undefined;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) nameNode = fn.id;
  else if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) nameNode = parent.id;
  if (!nameNode) return false;
  if (onceNames.test(nameNode.name)) return true;
  const variable = ASTUtils.findVariable(sourceCode.getScope(nameNode), nameNode.name);
  if (!variable) return false;
  const uses = variable.references.filter((r) => !r.init);
  return uses.length > 0 && uses.every((r) => {
    const id = r.identifier as Node;
    return id.parent?.type === AST_NODE_TYPES.CallExpression && id.parent.callee === id && !insideFunction(id) && !insideLoop(id);
  });
}

function insideFunction(node: Node): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === AST_NODE_TYPES.FunctionDeclaration || p.type === AST_NODE_TYPES.FunctionExpression || p.type === AST_NODE_TYPES.ArrowFunctionExpression) return true;
  }
  return false;
}

function insideLoop(node: Node): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (/^(For|ForIn|ForOf|While|DoWhile)Statement$/.test(p.type)) return true;
  }
  return false;
}

/**
 * `client.duplicate()` where `client` is a parameter: a helper that opens a side connection for a
 * client its caller owns (ioredis' cluster slot refresher duplicates each node so CLUSTER SLOTS is not
 * stuck behind a BLPOP). Which client it copies changes per call, so there is nothing to share.
 */
export function duplicatesCallerClient(construction: ClientConstruction, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const node = construction.node;
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  if (propertyName(node.callee) !== 'duplicate') return false;
  const receiver = unwrap(node.callee.object);
  if (receiver.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(receiver), receiver.name);
  return variable?.defs.some((d) => d.type === 'Parameter') ?? false;
}
