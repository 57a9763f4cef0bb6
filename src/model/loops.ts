import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';
import { AST_NODE_TYPES } from '../util/ast-node-types';
import { commandTable, hasTrait } from './commands';
import { isSameKey, keyShape } from './keys';
import type { RedisCall } from './types';

type Node = TSESTree.Node;
export type LoopNode =
  | TSESTree.ForStatement
  | TSESTree.ForOfStatement
  | TSESTree.ForInStatement
  | TSESTree.WhileStatement
  | TSESTree.DoWhileStatement;

const functionTypes = new Set<string>([
  AST_NODE_TYPES.FunctionDeclaration, AST_NODE_TYPES.FunctionExpression, AST_NODE_TYPES.ArrowFunctionExpression,
]);
const nestedBreakTargets = new Set<string>([
  AST_NODE_TYPES.ForStatement, AST_NODE_TYPES.ForOfStatement, AST_NODE_TYPES.ForInStatement,
  AST_NODE_TYPES.WhileStatement, AST_NODE_TYPES.DoWhileStatement, AST_NODE_TYPES.SwitchStatement,
]);

/** Visits every node under `root` that runs in the same function (nested functions and classes are skipped). */
export function walkSameFunction(
  root: Node, visitorKeys: TSESLint.SourceCode.VisitorKeys, visit: (node: Node, insideNestedLoop: boolean) => void,
): void {
  const keys = visitorKeys as Record<string, readonly string[] | undefined>;
  const stack: Array<[Node, boolean]> = [[root, false]];
  while (stack.length > 0) {
    const [node, nested] = stack.pop()!;
    visit(node, nested);
    const childNested = nested || (node !== root && nestedBreakTargets.has(node.type));
    for (const key of keys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      const children = Array.isArray(child) ? child : [child];
      for (const c of children) {
        if (!c || typeof (c as Node).type !== 'string') continue;
        const n = c as Node;
        if (functionTypes.has(n.type) || n.type === AST_NODE_TYPES.ClassBody) continue;
        stack.push([n, childNested]);
      }
    }
  }
}

export interface LoopAnalysis {
  /** False when an iteration may depend on an earlier one, or the loop cannot know its iterations up front. */
  independent: boolean;
  /** Why not, for tests and debugging: `exit`, `test`, `carried`, `grows`, `stream`, `throttled`. */
  reason?: string;
}

/**
 * Whether the iterations of a loop are independent, so their commands can be sent together in one
 * pipeline. A pipeline is only equivalent when the set of iterations is known before the first reply
 * arrives: SCAN cursors, `while (await redis.lpop(q))`, retries and worker loops (`while (!this.closing)`)
 * decide whether to go on from a reply or from state that changes while they wait, so they are dependent.
 */
const timerNames = /^(sleep|delay|wait|pause|setTimeout|timeout)$/i;

/** `await sleep(ms)`, `await setTimeout(ms)` (timers/promises), `await new Promise((r) => setTimeout(r, ms))`. */
function waitsOnTimer(body: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  let waits = false;
  const calleeName = (call: TSESTree.CallExpression) => {
    const callee = call.callee;
    if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
    if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier) return callee.property.name;
    return undefined;
  };
  walkSameFunction(body, sourceCode.visitorKeys, (node) => {
    if (waits || node.type !== AST_NODE_TYPES.AwaitExpression) return;
    const awaited = node.argument;
    if (awaited.type === AST_NODE_TYPES.CallExpression && timerNames.test(calleeName(awaited) ?? '')) waits = true;
    else if (awaited.type === AST_NODE_TYPES.NewExpression && awaited.callee.type === AST_NODE_TYPES.Identifier && awaited.callee.name === 'Promise') {
      const executor = awaited.arguments[0];
      if (executor && /\bsetTimeout\s*\(/.test(sourceCode.getText(executor))) waits = true;
    }
  });
  return waits;
}

export function analyzeLoop(loop: LoopNode, sourceCode: Readonly<TSESLint.SourceCode>, commands: readonly RedisCall[] = []): LoopAnalysis {
  const visitorKeys = sourceCode.visitorKeys;
  // An early exit decided inside the body stops the loop at a point only the replies reveal.
  let exits = false;
  walkSameFunction(loop.body, visitorKeys, (node, nested) => {
    if (node.type === AST_NODE_TYPES.ReturnStatement || node.type === AST_NODE_TYPES.ThrowStatement) exits = true;
    if (node.type === AST_NODE_TYPES.YieldExpression) exits = true;
    if ((node.type === AST_NODE_TYPES.BreakStatement || node.type === AST_NODE_TYPES.ContinueStatement) && node.label) exits = true;
    if (node.type === AST_NODE_TYPES.BreakStatement && !nested) exits = true;
  });
  if (exits) return { independent: false, reason: 'exit' };
  // A loop that waits on a timer spaces its commands out on purpose (to spare the server or obey a
  // rate limit): one pipeline would send them all at once.
  if (waitsOnTimer(loop.body, sourceCode)) return { independent: false, reason: 'throttled' };

  const written = writtenInBody(loop, sourceCode);
  if (written.awaitedOuter.size > 0) {
    // A value taken from a reply and kept across iterations: `cursor = reply[0]`, `last = await ...`.
    const readInLoop = identifiersIn(loop, visitorKeys).some((id) => written.awaitedOuter.has(id.name) && !isWriteTarget(id));
    if (readInLoop) return { independent: false, reason: 'carried' };
  }

  // A worklist: the body adds to what the header walks or tests (`queue.push(child)` in
  // `for (const node of queue)`, `found.push(v)` under `found.length < 10`), so how many iterations
  // run is only known from the replies.
  const mutated = mutatedInBody(loop.body, visitorKeys, { ignore: new Set(commands.map((c) => c.node)) });
  for (const name of written.counters) mutated.delete(name);
  const header = loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement
    ? [loop.right]
    : loop.type === AST_NODE_TYPES.ForStatement ? [loop.test, loop.update] : [loop.test];
  if (header.some((part) => part && readsAny(part, mutated, visitorKeys))) return { independent: false, reason: 'grows' };

  if (readsItsOwnWrites(loop, commands, sourceCode)) return { independent: false, reason: 'carried' };

  switch (loop.type) {
    case AST_NODE_TYPES.ForOfStatement:
      // `for await` consumes a stream (scanStream, a subscriber, a queue) whose items arrive over time;
      // over an array it is a plain walk of known keys.
      if (loop.await && !isKnownArray(loop.right, sourceCode)) return { independent: false, reason: 'stream' };
      return { independent: true };
    case AST_NODE_TYPES.ForInStatement:
      return { independent: true };
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement: {
      if (!loop.test || !isBoundedTest(loop.test, written.counters, written.others, visitorKeys)) {
        return { independent: false, reason: 'test' };
      }
      if (loop.type === AST_NODE_TYPES.ForStatement && loop.update && containsAwaitOrCall(loop.update, visitorKeys)) {
        return { independent: false, reason: 'test' };
      }
      // A while loop must move towards its bound in the body, by a counter and nothing else.
      if (loop.type !== AST_NODE_TYPES.ForStatement) {
        const testNames = identifiersIn(loop.test, visitorKeys).map((id) => id.name);
        if (!testNames.some((name) => written.counters.has(name))) return { independent: false, reason: 'test' };
      }
      return { independent: true };
    }
    default:
      return { independent: false };
  }
}

interface Writes {
  /** Variables only moved by `++`, `--`, `+= n`, `-= n` in the body. */
  counters: Set<string>;
  /** Variables written any other way in the body. */
  others: Set<string>;
  /** Variables declared outside the loop and assigned from an awaited expression inside it. */
  awaitedOuter: Set<string>;
}

function writtenInBody(loop: LoopNode, sourceCode: Readonly<TSESLint.SourceCode>): Writes {
  const counters = new Set<string>();
  const others = new Set<string>();
  const awaitedOuter = new Set<string>();
  const declaredInside = new Set<string>();
  const visitorKeys = sourceCode.visitorKeys;
  walkSameFunction(loop.body, visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.VariableDeclarator) {
      for (const id of patternIdentifiers(node.id)) declaredInside.add(id);
    } else if (node.type === AST_NODE_TYPES.UpdateExpression && node.argument.type === AST_NODE_TYPES.Identifier) {
      counters.add(node.argument.name);
    } else if (node.type === AST_NODE_TYPES.AssignmentExpression) {
      const names = patternIdentifiers(node.left);
      const counterStep = (node.operator === '+=' || node.operator === '-=') && !containsAwaitOrCall(node.right, visitorKeys);
      for (const name of names) (counterStep ? counters : others).add(name);
      if (containsAwait(node.right, visitorKeys)) for (const name of names) awaitedOuter.add(name);
    }
  });
  for (const name of others) counters.delete(name);
  for (const name of declaredInside) awaitedOuter.delete(name);
  return { counters, others, awaitedOuter };
}

/**
 * A loop test that bounds the iterations up front: local variables, literals and `.length`, with no
 * call or await, and no variable the body writes other than a counter. `this.closing`, `Date.now()`
 * and `true` are worker-loop tests whose answer changes while the loop waits.
 */
function isBoundedTest(test: Node, counters: Set<string>, others: Set<string>, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  if (test.type === AST_NODE_TYPES.Literal) return false;
  let bounded = true;
  walkSameFunction(test, visitorKeys, (node) => {
    switch (node.type) {
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.ThisExpression:
      case AST_NODE_TYPES.AssignmentExpression:
      case AST_NODE_TYPES.UpdateExpression:
        bounded = false;
        break;
      case AST_NODE_TYPES.Identifier:
        if (others.has(node.name) && !counters.has(node.name)) bounded = false;
        break;
      default:
        break;
    }
  });
  return bounded;
}

export function patternIdentifiers(pattern: Node): string[] {
  switch (pattern.type) {
    case AST_NODE_TYPES.Identifier:
      return [pattern.name];
    case AST_NODE_TYPES.ArrayPattern:
      return pattern.elements.flatMap((e) => (e ? patternIdentifiers(e) : []));
    case AST_NODE_TYPES.ObjectPattern:
      return pattern.properties.flatMap((p) => patternIdentifiers(p.type === AST_NODE_TYPES.Property ? p.value : p.argument));
    case AST_NODE_TYPES.AssignmentPattern:
      return patternIdentifiers(pattern.left);
    case AST_NODE_TYPES.RestElement:
      return patternIdentifiers(pattern.argument);
    default:
      return [];
  }
}

/** The identifiers an expression reads (not property names); nested functions included only with `walk = walkAll`. */
function identifiersIn(
  root: Node, visitorKeys: TSESLint.SourceCode.VisitorKeys,
  walk: (root: Node, keys: TSESLint.SourceCode.VisitorKeys, visit: (node: Node) => void) => void = walkSameFunction,
): TSESTree.Identifier[] {
  const out: TSESTree.Identifier[] = [];
  walk(root, visitorKeys, (node) => {
    if (node.type !== AST_NODE_TYPES.Identifier) return;
    const parent = node.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === node && !parent.computed) return;
    if (parent?.type === AST_NODE_TYPES.Property && parent.key === node && !parent.computed && !parent.shorthand) return;
    out.push(node);
  });
  return out;
}

function isWriteTarget(id: TSESTree.Identifier): boolean {
  let child: Node = id;
  for (let p: Node | undefined = id.parent; p; child = p, p = p.parent) {
    if (p.type === AST_NODE_TYPES.AssignmentExpression) return p.left === child;
    if (p.type === AST_NODE_TYPES.VariableDeclarator) return p.id === child;
    if (![AST_NODE_TYPES.ArrayPattern, AST_NODE_TYPES.ObjectPattern, AST_NODE_TYPES.Property, AST_NODE_TYPES.AssignmentPattern, AST_NODE_TYPES.RestElement].includes(p.type as AST_NODE_TYPES)) {
      return false;
    }
  }
  return false;
}

export function containsAwait(root: Node, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  let found = false;
  walkSameFunction(root, visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.AwaitExpression || node.type === AST_NODE_TYPES.YieldExpression) found = true;
  });
  return found;
}

function containsAwaitOrCall(root: Node, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  let found = false;
  walkSameFunction(root, visitorKeys, (node) => {
    if (
      node.type === AST_NODE_TYPES.AwaitExpression || node.type === AST_NODE_TYPES.YieldExpression ||
      node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression
    ) found = true;
  });
  return found;
}

/** Methods that only read the value they are called on. */
const readOnlyMethods = new Set([
  'at', 'concat', 'entries', 'every', 'filter', 'find', 'findIndex', 'findLast', 'findLastIndex', 'flat', 'flatMap',
  'forEach', 'get', 'has', 'includes', 'indexOf', 'join', 'keys', 'lastIndexOf', 'map', 'reduce', 'slice', 'some',
  'toString', 'values', 'startsWith', 'endsWith', 'toUpperCase', 'toLowerCase', 'trim', 'split', 'padStart', 'padEnd',
]);

/** Calls that leave their arguments as they were. */
const pureCallees = /^(console\.\w+|JSON\.\w+|Math\.\w+|Object\.(keys|values|entries)|Array\.isArray|Number|String|Boolean|parseInt|parseFloat)$/;

/** The variable a member chain starts from (`queue` in `queue.items[0]`), `this` for `this.x`. */
function rootName(node: Node): string | undefined {
  let current = node;
  for (;;) {
    if (current.type === AST_NODE_TYPES.MemberExpression) current = current.object;
    else if (current.type === AST_NODE_TYPES.TSNonNullExpression || current.type === AST_NODE_TYPES.TSAsExpression) current = current.expression;
    else if (current.type === AST_NODE_TYPES.ChainExpression) current = current.expression;
    else break;
  }
  if (current.type === AST_NODE_TYPES.Identifier) return current.name;
  if (current.type === AST_NODE_TYPES.ThisExpression) return 'this';
  return undefined;
}

/** Visits every node under `root`, nested functions included: a callback in the body runs during the iteration. */
function walkAll(root: Node, visitorKeys: TSESLint.SourceCode.VisitorKeys, visit: (node: Node) => void): void {
  const keys = visitorKeys as Record<string, readonly string[] | undefined>;
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    for (const key of keys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const c of Array.isArray(child) ? child : [child]) if (c && typeof (c as Node).type === 'string') stack.push(c as Node);
    }
  }
}

/**
 * The variables (by name, `this` for the instance) whose value or contents the code under `root` may
 * change: assigned, incremented, deleted from, a method called on them that is not known to only read,
 * and with `argumentsToo`, handed to a call that is not known to leave its arguments alone. Calls in
 * `ignore` (Redis commands, which only read their arguments) change nothing.
 */
export function mutatedInBody(
  root: Node, visitorKeys: TSESLint.SourceCode.VisitorKeys, options: { argumentsToo?: boolean; ignore?: ReadonlySet<Node> } = {},
): Set<string> {
  const names = new Set<string>();
  const add = (node: Node) => {
    if (node.type === AST_NODE_TYPES.ObjectPattern || node.type === AST_NODE_TYPES.ArrayPattern) {
      for (const name of patternIdentifiers(node)) names.add(name);
      return;
    }
    const name = rootName(node);
    if (name) names.add(name);
  };
  walkAll(root, visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.AssignmentExpression) add(node.left);
    else if (node.type === AST_NODE_TYPES.UpdateExpression) add(node.argument);
    else if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'delete') add(node.argument);
    else if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) {
      if (options.ignore?.has(node)) return;
      const callee = node.callee;
      const calleeText = calleeName(callee);
      if (calleeText && pureCallees.test(calleeText)) return;
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        const method = !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : undefined;
        if (!method || !readOnlyMethods.has(method)) add(callee.object);
      }
      // Objects handed to a call may be changed by it (a primitive member read is not an object, but
      // nothing here tells them apart).
      if (!options.argumentsToo) return;
      for (const arg of node.arguments) {
        const value = arg.type === AST_NODE_TYPES.SpreadElement ? arg.argument : arg;
        if (value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression || value.type === AST_NODE_TYPES.ThisExpression) add(value);
      }
    }
  });
  return names;
}

function calleeName(callee: Node): string | undefined {
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier) {
    const object = calleeName(callee.object);
    return object ? `${object}.${callee.property.name}` : undefined;
  }
  return undefined;
}

/** Whether `root` reads any of the named variables (`this` included). */
export function readsAny(root: Node, names: ReadonlySet<string>, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  if (names.size === 0) return false;
  let found = false;
  walkAll(root, visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.ThisExpression && names.has('this')) found = true;
  });
  return found || identifiersIn(root, visitorKeys, walkAll).some((id) => names.has(id.name));
}


/**
 * Whether an expression's value can change from one iteration to the next: it reads a binding
 * declared in the loop (its variable, a local of the body) or one the loop writes, or it calls
 * something. A command sent through such a receiver (`shard.del(k)` for each shard) goes to a
 * different server or client each time, and each pays its own round trip: nothing to pipeline.
 */
export function variesPerIteration(node: Node, loop: LoopNode, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const visitorKeys = sourceCode.visitorKeys;
  let varies = false;
  walkAll(node, visitorKeys, (n) => {
    if (n.type === AST_NODE_TYPES.CallExpression || n.type === AST_NODE_TYPES.NewExpression ||
      n.type === AST_NODE_TYPES.AwaitExpression || n.type === AST_NODE_TYPES.YieldExpression) varies = true;
  });
  if (varies) return true;
  for (const id of identifiersIn(node, visitorKeys, walkAll)) {
    const variable = ASTUtils.findVariable(sourceCode.getScope(id), id);
    const def = variable?.defs[0];
    if (!def) continue;
    const declared = def.name as Node;
    if (declared.range[0] >= loop.range[0] && declared.range[1] <= loop.range[1]) return true;
    if (variable.references.some((ref) => ref.isWrite() && !ref.init && within(ref.identifier as Node, loop))) return true;
  }
  return false;
}

function within(node: Node, container: Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}

/**
 * Whether an iterable is known to be an array rather than an async source: an array literal, a list
 * built by an array method or `Object.keys`, or a variable that holds one (declared so, or typed as
 * an array, by annotation or by the type checker).
 */
export function isKnownArray(node: Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (node.type === AST_NODE_TYPES.ArrayExpression) return true;
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const name = calleeName(node.callee);
    if (name && /^(Object\.(keys|values|entries)|Array\.from|Array\.of)$/.test(name)) return true;
    const callee = node.callee;
    return callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier &&
      ['map', 'slice', 'filter', 'concat', 'flat', 'flatMap', 'splice'].includes(callee.property.name) && isKnownArray(callee.object, sourceCode);
  }
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  if (typedAsArray(node, sourceCode)) return true;
  const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
  if (!variable || variable.defs.length !== 1) return false;
  if (variable.references.some((ref) => ref.isWrite() && !ref.init)) return false;
  const def = variable.defs[0];
  const declared = def.name as TSESTree.Identifier;
  if (declared.typeAnnotation && isArrayTypeNode(declared.typeAnnotation.typeAnnotation)) return true;
  if (def.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.id === declared && def.node.init) {
    const init = def.node.init;
    return init.type !== AST_NODE_TYPES.Identifier && isKnownArray(init, sourceCode);
  }
  return false;
}

function isArrayTypeNode(type: Node): boolean {
  if (type.type === AST_NODE_TYPES.TSArrayType || type.type === AST_NODE_TYPES.TSTupleType) return true;
  if (type.type === AST_NODE_TYPES.TSTypeOperator && type.operator === 'readonly' && type.typeAnnotation) return isArrayTypeNode(type.typeAnnotation);
  return type.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier &&
    ['Array', 'ReadonlyArray'].includes(type.typeName.name);
}

interface TypeServices {
  program?: { getTypeChecker(): { getTypeAtLocation(node: unknown): unknown; isArrayType?(type: unknown): boolean; isTupleType?(type: unknown): boolean } };
  esTreeNodeToTSNodeMap?: { get(node: Node): unknown };
}

/** With type information: whether the checker types the expression as an array or a tuple. */
export function typedAsArray(node: Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const services = sourceCode.parserServices as TypeServices | undefined;
  const tsNode = services?.esTreeNodeToTSNodeMap?.get(node);
  if (!services?.program || !tsNode) return false;
  try {
    const checker = services.program.getTypeChecker();
    const type = checker.getTypeAtLocation(tsNode);
    return !!(checker.isArrayType?.(type) || checker.isTupleType?.(type));
  } catch {
    return false;
  }
}

/**
 * Whether a loop reads back, through the server, what an earlier iteration wrote: a reply the code
 * uses comes from a key that does not change with the iteration (`GET total`), and another command
 * of the loop writes that key (`SET total ...`). Pipelined, every read would be sent before any
 * write, so every iteration would see the value from before the loop.
 */
export function readsItsOwnWrites(loop: LoopNode, calls: readonly RedisCall[], sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  for (const read of calls) {
    if (!read.keyNode || !replyUsed(read.node) || variesPerIteration(read.keyNode, loop, sourceCode)) continue;
    for (const write of calls) {
      // Reads, and known commands that name no key (PUBLISH, PING), write nothing a later read could see.
      if (write === read || hasTrait(write.spec, 'reads') || (write.spec.firstKey < 0 && commandTable.has(write.spec.name))) continue;
      // A write whose key is unknown may be the same key.
      if (!write.keyNode || keyShape(write.keyNode, sourceCode) === undefined) return true;
      if (isSameKey(read.keyNode, write.keyNode, sourceCode)) return true;
    }
  }
  return false;
}

/** A command whose reply the code goes on to use: not a bare `await redis.set(...);` statement. */
function replyUsed(call: Node): boolean {
  let node = call;
  while (node.parent && (node.parent.type === AST_NODE_TYPES.AwaitExpression || node.parent.type === AST_NODE_TYPES.TSAsExpression ||
    node.parent.type === AST_NODE_TYPES.TSNonNullExpression || node.parent.type === AST_NODE_TYPES.ChainExpression)) node = node.parent;
  return node.parent?.type !== AST_NODE_TYPES.ExpressionStatement;
}
