import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';
import { AST_NODE_TYPES } from '../util/ast-node-types';
import type { Dialect } from '../model';
import type { ClientUse } from '../model/client-use';
import { commandForMethod } from '../model/commands';
import { freshName } from './text';

type Node = TSESTree.Node;

/** Methods that end a per-call connection: with one shared client they must go. */
const closeMethods = new Set(['quit', 'disconnect', 'close', 'destroy', 'QUIT']);
const pureGlobalCalls = new Set(['Number', 'String', 'Boolean', 'parseInt', 'parseFloat']);

/** `const`: every value is fixed at module load (autofix); `module`: some are module `let`s (suggestion). */
export type OptionsScope = 'const' | 'module' | 'local';

/**
 * Where the construction's arguments come from. Only arguments that exist at module scope can build
 * the client there; module-level `let`s may change later, so moving them is the user's call.
 */
export function optionsScope(args: readonly Node[], sourceCode: Readonly<TSESLint.SourceCode>, before: number): OptionsScope {
  let result: OptionsScope = 'const';
  const visit = (node: Node): boolean => {
    switch (node.type) {
      case AST_NODE_TYPES.Literal:
        return true;
      case AST_NODE_TYPES.TemplateLiteral:
        return node.expressions.every(visit);
      case AST_NODE_TYPES.Identifier: {
        const variable = ASTUtils.findVariable(sourceCode.getScope(node), node.name);
        if (!variable || variable.defs.length === 0) return true; // a global: process, undefined
        // Module level: the module scope, or the wrapper scope of a CommonJS file.
        if (variable.scope.block.type !== AST_NODE_TYPES.Program) return false;
        const def = variable.defs[0];
        if (def.type === 'ImportBinding') return true;
        // The client moves above the function: a value declared after it would be in its temporal dead zone.
        if (def.node.range[1] > before) return false;
        const constant = def.type === 'Variable' && (def.parent as TSESTree.VariableDeclaration).kind === 'const';
        if (!constant) result = 'module';
        return true;
      }
      case AST_NODE_TYPES.MemberExpression:
        return visit(node.object) && (!node.computed || visit(node.property));
      case AST_NODE_TYPES.ObjectExpression:
        return node.properties.every((p) =>
          p.type === AST_NODE_TYPES.SpreadElement ? visit(p.argument) : (!p.computed || visit(p.key)) && visit(p.value));
      case AST_NODE_TYPES.ArrayExpression:
        return node.elements.every((e) => !e || visit(e.type === AST_NODE_TYPES.SpreadElement ? e.argument : e));
      case AST_NODE_TYPES.UnaryExpression:
        return visit(node.argument);
      case AST_NODE_TYPES.BinaryExpression:
      case AST_NODE_TYPES.LogicalExpression:
        return visit(node.left) && visit(node.right);
      case AST_NODE_TYPES.ConditionalExpression:
        return visit(node.test) && visit(node.consequent) && visit(node.alternate);
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression: {
        // A listener runs later: it may read only its own locals and module-level values.
        const scope = sourceCode.scopeManager?.acquire(node);
        return !!scope && scope.through.every((ref) => !ref.resolved || ref.resolved.scope.block.type === AST_NODE_TYPES.Program);
      }
      case AST_NODE_TYPES.CallExpression:
        return node.callee.type === AST_NODE_TYPES.Identifier && pureGlobalCalls.has(node.callee.name) &&
          !ASTUtils.findVariable(sourceCode.getScope(node.callee), node.callee.name)?.defs.length && node.arguments.every(visit);
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
        return visit(node.expression);
      default:
        return false;
    }
  };
  return args.every(visit) ? result : 'local';
}

/**
 * Moves a client built per call to module scope: built once with the same options, shared by every
 * call, and the per-call `quit()` dropped (it would close the shared connection). node-redis 4+
 * connects explicitly: the first call starts `connect()` and every call awaits that one promise, so
 * no call runs before the connection is ready and the module still opens no socket when imported.
 */
export function sharedClientRewrite(
  dialect: Dialect,
  sourceCode: Readonly<TSESLint.SourceCode>,
  fn: Node,
  construction: TSESTree.NewExpression | TSESTree.CallExpression,
  use: ClientUse,
  typescript: boolean,
): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[]) | undefined {
  const declarator = use.declarator;
  if (!declarator || dialect === 'node-redis-3') return undefined;
  const declaration = declarator.parent as TSESTree.VariableDeclaration;
  const body = (fn as TSESTree.FunctionDeclaration).body;
  if (body?.type !== AST_NODE_TYPES.BlockStatement || declaration.parent !== body || declaration.declarations.length !== 1) return undefined;
  if (construction.type === AST_NODE_TYPES.CallExpression && construction.callee.type === AST_NODE_TYPES.MemberExpression &&
    construction.callee.property.type === AST_NODE_TYPES.Identifier && construction.callee.property.name === 'duplicate') return undefined;
  const name = (declarator.id as TSESTree.Identifier).name;
  const nodeRedis = dialect !== 'ioredis';

  // Every other use must be a command: `on('error')` per call would stack listeners on the shared client.
  const closes: TSESTree.Node[] = [];
  const listeners: TSESTree.Node[] = [];
  let connectStatement: TSESTree.Node | undefined;
  for (const { call, method } of use.methodCalls) {
    if (closeMethods.has(method) || (method === 'connect' && nodeRedis && !use.connectInInit)) {
      const statement = statementOf(call);
      if (!statement || statement.parent?.type !== AST_NODE_TYPES.BlockStatement || !isStatementInFunction(statement, body)) return undefined;
      if (method === 'connect') {
        if (connectStatement || statement.parent !== body) return undefined;
        connectStatement = statement;
      } else closes.push(statement);
      continue;
    }
    if (method === 'on' || method === 'once') {
      // `client.on('error', ...)` per call would stack listeners on the shared client: it moves with the
      // client and is registered once, when its arguments exist at module scope.
      const statement = statementOf(call);
      if (!statement || statement.parent !== body || optionsScope(call.arguments, sourceCode, insertAtOf(fn, sourceCode)) !== 'const') return undefined;
      listeners.push(statement);
      continue;
    }
    if (!commandForMethod(method)) return undefined;
  }
  if (nodeRedis && !use.connectInInit && !connectStatement) return undefined;

  const insertAt = insertAtOf(fn, sourceCode);

  // The module name must be free: no module-level binding and no global read by that name.
  const globalScope = sourceCode.scopeManager?.globalScope;
  const moduleScope = globalScope?.childScopes.find((s) => s.block.type === AST_NODE_TYPES.Program) ?? globalScope;
  if (!moduleScope) return undefined;
  if (moduleScope.set.has(name) || moduleScope.through.some((r) => r.identifier.name === name)) return undefined;
  if (globalScope?.set.has(name) || globalScope?.through.some((r) => r.identifier.name === name)) return undefined;
  // Nor may any scope between the function and the module declare it: the calls would bind there.
  for (let scope = sourceCode.getScope(fn).upper; scope && scope !== moduleScope; scope = scope.upper) {
    if (scope.set.has(name)) return undefined;
  }
  const ready = freshName([`${name}Ready`], sourceCode.text);

  const constructionText = sourceCode.getText(construction);
  const listenerLines = listeners.map((statement) => `${sourceCode.getText(statement)}\n`).join('');
  const hoisted = nodeRedis
    ? `const ${name} = ${constructionText};\n${listenerLines}let ${ready}${typescript ? ': Promise<unknown> | undefined' : ''};\n\n`
    : `const ${name} = ${constructionText};\n${listenerLines}\n`;
  const awaitReady = `await (${ready} ??= ${name}.connect());`;

  return (fixer) => {
    // The fix spans the module, where its names now live: a second client hoisted in the same pass
    // could take the same name, so ESLint applies it in a later pass that sees this one.
    const fixes = [fixer.insertTextBeforeRange([0, 0], ''), fixer.insertTextBeforeRange([insertAt, insertAt], hoisted)];
    if (nodeRedis && use.connectInInit) fixes.push(fixer.replaceText(declaration, awaitReady));
    else fixes.push(removeStatement(fixer, sourceCode, declaration));
    if (connectStatement) fixes.push(fixer.replaceText(connectStatement, awaitReady));
    for (const statement of listeners) fixes.push(removeStatement(fixer, sourceCode, statement));
    for (const statement of closes) fixes.push(withoutEmptyFinally(fixer, sourceCode, statement, closes) ?? removeStatement(fixer, sourceCode, statement));
    fixes.push(fixer.insertTextAfterRange([sourceCode.text.length, sourceCode.text.length], ''));
    return fixes;
  };
}

/**
 * A `finally` that only closed the per-call client is empty once the close goes: drop the clause, or
 * the whole `try` when it had no `catch` (its block is inlined, which is safe only when the block
 * declares nothing that could clash with the names around it).
 */
function withoutEmptyFinally(
  fixer: TSESLint.RuleFixer, sourceCode: Readonly<TSESLint.SourceCode>, close: Node, closes: Node[],
): TSESLint.RuleFix | undefined {
  const finalizer = close.parent;
  const tryStatement = finalizer?.parent;
  if (finalizer?.type !== AST_NODE_TYPES.BlockStatement || tryStatement?.type !== AST_NODE_TYPES.TryStatement) return undefined;
  if (tryStatement.finalizer !== finalizer || finalizer.body.length !== 1) return undefined;
  if (closes.some((other) => other !== close && other.range[0] >= tryStatement.range[0] && other.range[1] <= tryStatement.range[1])) return undefined;
  if (tryStatement.handler) return fixer.removeRange([tryStatement.handler.range[1], finalizer.range[1]]);
  const block = tryStatement.block;
  const declares = block.body.some((statement) =>
    (statement.type === AST_NODE_TYPES.VariableDeclaration && statement.kind !== 'var') ||
    statement.type === AST_NODE_TYPES.ClassDeclaration || statement.type === AST_NODE_TYPES.FunctionDeclaration);
  if (declares || block.body.length === 0) return undefined;
  const outer = /^[ \t]*/.exec(sourceCode.lines[tryStatement.loc.start.line - 1])![0];
  const inner = /^[ \t]*/.exec(sourceCode.lines[block.body[0].loc.start.line - 1])![0];
  const text = sourceCode.text.slice(block.body[0].range[0], block.body[block.body.length - 1].range[1])
    .split('\n')
    .map((line, i) => (i > 0 && line.startsWith(inner) ? outer + line.slice(inner.length) : line))
    .join('\n');
  return fixer.replaceText(tryStatement, text);
}

/** Where the module-level client goes: before the top-level statement holding the function, and its leading comments. */
function insertAtOf(fn: Node, sourceCode: Readonly<TSESLint.SourceCode>): number {
  let top: Node = fn;
  while (top.parent && top.parent.type !== AST_NODE_TYPES.Program) top = top.parent;
  const comments = sourceCode.getCommentsBefore(top as TSESTree.Node);
  return comments.length > 0 ? comments[0].range[0] : top.range[0];
}

/** `await client.quit();` or `client.quit();`: the statement that is only this call. */
function statementOf(call: TSESTree.CallExpression): TSESTree.ExpressionStatement | undefined {
  let node: Node = call;
  if (node.parent?.type === AST_NODE_TYPES.AwaitExpression) node = node.parent;
  return node.parent?.type === AST_NODE_TYPES.ExpressionStatement ? node.parent : undefined;
}

function isStatementInFunction(statement: Node, body: Node): boolean {
  for (let p = statement.parent; p; p = p.parent) {
    if (p === body) return true;
    if (p.type === AST_NODE_TYPES.FunctionDeclaration || p.type === AST_NODE_TYPES.FunctionExpression || p.type === AST_NODE_TYPES.ArrowFunctionExpression) return false;
  }
  return false;
}

/** Removes a statement with its line when it stands alone on it, so no blank line is left behind. */
function removeStatement(fixer: TSESLint.RuleFixer, sourceCode: Readonly<TSESLint.SourceCode>, statement: Node): TSESLint.RuleFix {
  const text = sourceCode.text;
  let start = statement.range[0];
  let end = statement.range[1];
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  if (/^[ \t]*$/.test(text.slice(lineStart, start)) && /^[ \t]*$/.test(text.slice(end, lineEnd === -1 ? text.length : lineEnd))) {
    start = lineStart;
    end = lineEnd === -1 ? text.length : lineEnd + 1;
  }
  return fixer.removeRange([start, end]);
}
