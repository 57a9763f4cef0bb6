import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Dialect } from '../model';
import { asStatements, declarationScope, freshName, indentOf, operandText } from './text';
import type { statementOf } from '../model';

type SourceCode = Readonly<TSESLint.SourceCode>;

export interface QueuedCommand {
  /** The method as written (`incr`, `hIncrBy`, `EXPIRE`): the chain keeps the user's spelling. */
  method: string;
  /** The arguments' source text. */
  args: string;
}

/** A command call of the program, queued as written. */
export function queued(sourceCode: SourceCode, call: TSESTree.CallExpression, method: string): QueuedCommand {
  return { method, args: call.arguments.map((a) => sourceCode.getText(a)).join(', ') };
}

/** `client.multi().incr(k).expire(k, 60).exec()`: one round trip, applied atomically by MULTI/EXEC. */
export function multiChain(sourceCode: SourceCode, receiver: TSESTree.Node, commands: QueuedCommand[]): string {
  const chain = commands.map(({ method, args }) => `.${method}(${args})`).join('');
  return `${operandText(sourceCode, receiver)}.multi()${chain}.exec()`;
}

/**
 * Statements that run the commands in one MULTI and keep the program's behaviour:
 * - the first command's reply is bound to the same name when the original bound it;
 * - a command error still throws. node-redis rejects `exec()` with a MultiErrorReply; ioredis
 *   resolves `[[error, reply], ...]`, so the rewrite rethrows the first error itself.
 * Returns undefined for dialects whose MULTI API differs (node-redis 3 takes a callback).
 */
export function multiStatements(
  dialect: Dialect, sourceCode: SourceCode, receiver: TSESTree.Node, commands: QueuedCommand[],
  result: { kind: 'const' | 'let' | 'var'; name: string } | undefined, awaited: boolean, typescript: boolean,
  /** The code the new names must not collide with: the enclosing function (or the file). */
  scopeText: string = sourceCode.text,
): string | undefined {
  if (dialect === 'node-redis-3') return undefined;
  const chain = multiChain(sourceCode, receiver, commands);
  if (!awaited) return result ? undefined : `${chain};`;
  if (dialect !== 'ioredis') {
    return result ? `${result.kind} [${result.name}] = await ${chain};` : `await ${chain};`;
  }
  // ioredis resolves null only when a WATCHed key changed; there is no WATCH here.
  const replies = typescript ? `(await ${chain})!` : `await ${chain}`;
  if (!result) {
    const error = freshName(['error', 'commandError'], chain);
    return `for (const [${error}] of ${replies}) if (${error}) throw ${error};`;
  }
  const names = commands.map((_, i) => freshName([i === 0 ? 'writeError' : `${commands[i].method.toLowerCase()}Error`], scopeText, result.name));
  const pattern = names.map((name, i) => (i === 0 ? `[${name}, ${result.name}]` : `[${name}]`)).join(', ');
  return `${result.kind} [${pattern}] = ${replies};\nif (${names.join(' || ')}) throw ${names.join(' || ')};`;
}

type Placed = NonNullable<ReturnType<typeof statementOf>>;

/**
 * Replaces the statement of the first command (through `last`, the statement of the final one)
 * with one MULTI. An autofix unless a reply is bound in TypeScript, where the binding's type would
 * change from the command's reply to the MULTI's reply element: then a suggestion.
 */
export function statementsAsMulti(
  dialect: Dialect, sourceCode: SourceCode, receiver: TSESTree.Node, commands: QueuedCommand[],
  first: Placed, last: TSESTree.Node, typescript: boolean,
): { auto: boolean; apply: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix | TSESLint.RuleFix[] } | undefined {
  if (first.statement.type === 'VariableDeclaration' && !['const', 'let', 'var'].includes(first.statement.kind)) return undefined;
  const result = first.kind === 'declaration' ? { kind: first.statement.kind as 'const' | 'let' | 'var', name: first.id.name } : undefined;
  // A name the rewrite declares can only clash with names the enclosing function uses or sees.
  let fn: TSESTree.Node | undefined = first.statement.parent;
  while (fn && fn.type !== 'FunctionDeclaration' && fn.type !== 'FunctionExpression' && fn.type !== 'ArrowFunctionExpression') fn = fn.parent;
  const scopeText = fn ? sourceCode.getText(fn) : sourceCode.text;
  const text = multiStatements(dialect, sourceCode, receiver, commands, result, first.awaited, typescript, scopeText);
  if (!text) return undefined;
  const indent = indentOf(sourceCode, first.statement);
  const replacement = asStatements(first.statement, indent, text.replace(/\n/g, `\n${indent}`));
  const range: [number, number] = [first.statement.range[0], last.range[1]];
  if (!result || dialect !== 'ioredis') return { auto: !(result && typescript), apply: (fixer) => fixer.replaceTextRange(range, replacement) };
  // The rewrite declares error names beside the reply's: the fix spans the scope they live in, so a
  // second MULTI rewrite there waits for the next --fix pass and sees these names.
  const scope = declarationScope(first.statement);
  return {
    auto: !typescript,
    apply: (fixer) => [
      fixer.insertTextBeforeRange([scope.range[0], scope.range[0]], ''),
      fixer.replaceTextRange(range, replacement),
      fixer.insertTextAfterRange([scope.range[1], scope.range[1]], ''),
    ],
  };
}

/** Statements that are next to each other in one block, in this order. */
export function areAdjacent(first: TSESTree.Node, second: TSESTree.Node): boolean {
  const block = first.parent;
  if (!block || block !== second.parent || !('body' in block) || !Array.isArray(block.body)) return false;
  const body = block.body as TSESTree.Node[];
  return body.indexOf(second) === body.indexOf(first) + 1 && body.indexOf(first) !== -1;
}
