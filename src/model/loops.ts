import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

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
  /** Why not, for tests and debugging: `exit`, `test`, `carried`, `stream`. */
  reason?: string;
}

/**
 * Whether the iterations of a loop are independent, so their commands can be sent together in one
 * pipeline. A pipeline is only equivalent when the set of iterations is known before the first reply
 * arrives: SCAN cursors, `while (await redis.lpop(q))`, retries and worker loops (`while (!this.closing)`)
 * decide whether to go on from a reply or from state that changes while they wait, so they are dependent.
 */
export function analyzeLoop(loop: LoopNode, sourceCode: Readonly<TSESLint.SourceCode>): LoopAnalysis {
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

  const written = writtenInBody(loop, sourceCode);
  if (written.awaitedOuter.size > 0) {
    // A value taken from a reply and kept across iterations: `cursor = reply[0]`, `last = await ...`.
    const readInLoop = identifiersIn(loop, visitorKeys).some((id) => written.awaitedOuter.has(id.name) && !isWriteTarget(id));
    if (readInLoop) return { independent: false, reason: 'carried' };
  }

  switch (loop.type) {
    case AST_NODE_TYPES.ForOfStatement:
      // `for await` consumes a stream (scanStream, a subscriber, a queue) whose items arrive over time.
      if (loop.await && loop.right.type !== AST_NODE_TYPES.ArrayExpression) return { independent: false, reason: 'stream' };
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

function patternIdentifiers(pattern: Node): string[] {
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

function identifiersIn(root: Node, visitorKeys: TSESLint.SourceCode.VisitorKeys): TSESTree.Identifier[] {
  const out: TSESTree.Identifier[] = [];
  walkSameFunction(root, visitorKeys, (node) => {
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
