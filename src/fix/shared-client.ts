import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
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
    if (!commandForMethod(method)) return undefined;
  }
  if (nodeRedis && !use.connectInInit && !connectStatement) return undefined;

  const program = sourceCode.ast;
  let top: Node = fn;
  while (top.parent && top.parent !== (program as unknown as Node)) top = top.parent;
  const comments = sourceCode.getCommentsBefore(top as TSESTree.Node);
  const insertAt = comments.length > 0 ? comments[0].range[0] : top.range[0];

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
  const hoisted = nodeRedis
    ? `const ${name} = ${constructionText};\nlet ${ready}${typescript ? ': Promise<unknown> | undefined' : ''};\n\n`
    : `const ${name} = ${constructionText};\n\n`;
  const awaitReady = `await (${ready} ??= ${name}.connect());`;

  return (fixer) => {
    const fixes = [fixer.insertTextBeforeRange([insertAt, insertAt], hoisted)];
    if (nodeRedis && use.connectInInit) fixes.push(fixer.replaceText(declaration, awaitReady));
    else fixes.push(removeStatement(fixer, sourceCode, declaration));
    if (connectStatement) fixes.push(fixer.replaceText(connectStatement, awaitReady));
    for (const statement of closes) fixes.push(removeStatement(fixer, sourceCode, statement));
    return fixes;
  };
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
