import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast-node-types';

/** The indentation of the line a node starts on, so multi-line rewrites line up with the code around them. */
export function indentOf(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string {
  const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
  return /^\s*/.exec(line)![0];
}

/** A name for a local of a rewrite that none of the copied expressions uses, so nothing is shadowed. */
export function freshName(preferred: string[], ...copiedTexts: string[]): string {
  const used = copiedTexts.join('\n');
  for (const name of preferred) if (!new RegExp(`\\b${name}\\b`).test(used)) return name;
  let i = 2;
  while (new RegExp(`\\b${preferred[0]}${i}\\b`).test(used)) i++;
  return `${preferred[0]}${i}`;
}

const functionTypes = new Set<string>([
  AST_NODE_TYPES.FunctionDeclaration, AST_NODE_TYPES.FunctionExpression, AST_NODE_TYPES.ArrowFunctionExpression,
]);

/**
 * The node whose text a name declared next to `statement` must not clash with, and whose range a fix
 * declaring it should span: the block or module around the statement; the whole `switch` for a
 * statement in a `case` (a `const` there is scoped to every case, and a name read in another case
 * would fall into its temporal dead zone); the function or catch clause for their body block, whose
 * parameters share its names; the statement itself when asStatements wraps it in a block of its own.
 * Outer names the scope reads appear in its text, so checking the text also keeps them visible.
 */
export function declarationScope(statement: TSESTree.Node): TSESTree.Node {
  const parent = statement.parent;
  if (!parent) return statement;
  if (parent.type === AST_NODE_TYPES.SwitchCase) return parent.parent;
  if (parent.type === AST_NODE_TYPES.BlockStatement) {
    const owner = parent.parent;
    return owner && (functionTypes.has(owner.type) || owner.type === AST_NODE_TYPES.CatchClause) ? owner : parent;
  }
  if (parent.type === AST_NODE_TYPES.Program || parent.type === AST_NODE_TYPES.StaticBlock || parent.type === AST_NODE_TYPES.TSModuleBlock) return parent;
  return statement;
}

/** The source text of an expression, parenthesised when it is not a simple operand of a member access. */
export function operandText(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string {
  const text = sourceCode.getText(node);
  const simple = ['Identifier', 'MemberExpression', 'ThisExpression', 'CallExpression', 'Literal', 'TemplateLiteral'];
  return simple.includes(node.type) ? text : `(${text})`;
}

/**
 * The range that removes a statement together with its own line when nothing else stands on that
 * line, so a removed `await redis.select(2);` leaves no blank, indented line behind.
 */
export function statementLineRange(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): [number, number] {
  const text = sourceCode.text;
  let [start, end] = node.range;
  let lineStart = start;
  while (lineStart > 0 && (text[lineStart - 1] === ' ' || text[lineStart - 1] === '\t')) lineStart--;
  let lineEnd = end;
  while (lineEnd < text.length && (text[lineEnd] === ' ' || text[lineEnd] === '\t')) lineEnd++;
  const ownsLine = (lineStart === 0 || text[lineStart - 1] === '\n') && (lineEnd === text.length || text[lineEnd] === '\n' || text[lineEnd] === '\r');
  if (ownsLine) {
    start = lineStart;
    end = lineEnd;
    if (text[end] === '\r') end++;
    if (text[end] === '\n') end++;
  }
  return [start, end];
}

/**
 * Statements that replace `statement`: wrapped in a block, one level deeper, when the statement is the
 * lone body of an `if`, `else` or loop, where several statements would leave all but the first outside
 * it and a trailing `if` would capture the original's `else`. `text`'s lines after the first already
 * carry the statement's indentation.
 */
export function asStatements(statement: TSESTree.Node, indent: string, text: string): string {
  const parent = statement.parent;
  const inList = parent?.type === AST_NODE_TYPES.BlockStatement || parent?.type === AST_NODE_TYPES.Program ||
    parent?.type === AST_NODE_TYPES.SwitchCase || parent?.type === AST_NODE_TYPES.StaticBlock ||
    parent?.type === AST_NODE_TYPES.TSModuleBlock;
  return inList ? text : `{\n${indent}  ${text.replace(/\n/g, '\n  ')}\n${indent}}`;
}
