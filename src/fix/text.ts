import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

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

/** The source text of an expression, parenthesised when it is not a simple operand of a member access. */
export function operandText(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string {
  const text = sourceCode.getText(node);
  const simple = ['Identifier', 'MemberExpression', 'ThisExpression', 'CallExpression', 'Literal', 'TemplateLiteral'];
  return simple.includes(node.type) ? text : `(${text})`;
}
