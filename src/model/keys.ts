import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';
import { AST_NODE_TYPES } from '../util/ast-node-types';
import { unwrap } from './build';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * A key as Redis sees it, written out: the static text and the dynamic parts in order. Rules pair
 * a write with the EXPIRE, LTRIM or DEL of the *same key*, and code spells one key many ways:
 * `'session:' + id`, `` `session:${id}` ``, `SESSION_PREFIX + id` with a const prefix.
 */
export interface KeyShape {
  /** One string per static piece and `${text}` per dynamic part: equal shapes name the same key. */
  id: string;
  /** The static text before the first dynamic part: `session:` for `` `session:${id}` ``. */
  prefix: string;
  /** True when every part is static (a literal or a const). */
  constant: boolean;
  /** The key as a Redis glob, dynamic parts as `*`: shown in messages. */
  glob: string;
  /** The static text with each dynamic part as NUL, which only a pattern's `*` matches. */
  matchText: string;
}

/** The parts a key expression concatenates; dynamic parts keep their normalised source text. */
type Part = { text: string; numeric?: boolean } | { dynamic: string };

const maxDepth = 8;

function partsOf(node: Node, sourceCode: SourceCode, depth: number): Part[] | undefined {
  if (depth > maxDepth) return undefined;
  const expr = unwrap(node);
  switch (expr.type) {
    case AST_NODE_TYPES.Literal:
      if (typeof expr.value === 'string') return [{ text: expr.value }];
      if (typeof expr.value === 'number') return [{ text: String(expr.value), numeric: true }];
      return undefined;
    case AST_NODE_TYPES.TemplateLiteral: {
      const parts: Part[] = [];
      expr.quasis.forEach((quasi, i) => {
        if (quasi.value.cooked) parts.push({ text: quasi.value.cooked });
        const inner = expr.expressions[i];
        if (inner) parts.push(...(partsOf(inner, sourceCode, depth + 1) ?? [dynamicPart(inner, sourceCode)]));
      });
      return parts;
    }
    case AST_NODE_TYPES.BinaryExpression: {
      if (expr.operator !== '+') return undefined;
      const left = partsOf(expr.left, sourceCode, depth + 1) ?? [dynamicPart(expr.left, sourceCode)];
      const right = partsOf(expr.right, sourceCode, depth + 1) ?? [dynamicPart(expr.right, sourceCode)];
      // `a + b` is a string concatenation only when one side is a string; `1 + 2` adds.
      if (![...left, ...right].some((p) => 'text' in p && !p.numeric)) return undefined;
      return [...left, ...right];
    }
    case AST_NODE_TYPES.Identifier: {
      const init = constInit(expr, sourceCode);
      return init ? partsOf(init, sourceCode, depth + 1) : undefined;
    }
    default:
      return undefined;
  }
}

/** The initialiser of a `const` binding, so `const KEY = 'jobs'` and `'jobs'` name the same key. */
function constInit(id: TSESTree.Identifier, sourceCode: SourceCode): Node | undefined {
  let scope: TSESLint.Scope.Scope | null;
  try {
    scope = sourceCode.getScope(id);
  } catch {
    return undefined;
  }
  const variable = scope ? ASTUtils.findVariable(scope, id.name) : null;
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!def || def.type !== 'Variable' || def.parent?.type !== AST_NODE_TYPES.VariableDeclaration || def.parent.kind !== 'const') return undefined;
  const declarator = def.node as TSESTree.VariableDeclarator;
  return declarator.id.type === AST_NODE_TYPES.Identifier && declarator.init ? declarator.init : undefined;
}

function dynamicPart(node: Node, sourceCode: SourceCode): Part {
  return { dynamic: sourceCode.getText(unwrap(node)).replace(/\s+/g, '') };
}

/**
 * The shape of a key expression, or undefined when nothing about it is known (a bare parameter, a
 * call): two unknown keys are never taken for the same key.
 */
export function keyShape(node: Node | undefined, sourceCode: SourceCode): KeyShape | undefined {
  if (!node) return undefined;
  // Rules pair every command with every other one: shapes are computed once per key node.
  const cached = shapes.get(node);
  if (cached !== undefined) return cached ?? undefined;
  const shape = computeShape(node, sourceCode);
  shapes.set(node, shape ?? null);
  return shape;
}

const shapes = new WeakMap<Node, KeyShape | null>();

function computeShape(node: Node, sourceCode: SourceCode): KeyShape | undefined {
  let parts = partsOf(node, sourceCode, 0);
  if (!parts) {
    const expr = unwrap(node);
    // `key`, `this.key`, `keys.session`: the same expression in one function is the same key.
    if (expr.type !== AST_NODE_TYPES.Identifier && expr.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    parts = [dynamicPart(expr, sourceCode)];
  }
  const merged: Part[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if ('text' in part && last && 'text' in last) merged[merged.length - 1] = { text: last.text + part.text };
    else merged.push(part);
  }
  const id = merged.map((p) => ('text' in p ? JSON.stringify(p.text) : `\${${p.dynamic}}`)).join('');
  const firstDynamic = merged.findIndex((p) => 'dynamic' in p);
  const prefix = merged.slice(0, firstDynamic === -1 ? merged.length : firstDynamic).map((p) => ('text' in p ? p.text : '')).join('');
  const glob = merged.map((p) => ('text' in p ? p.text : '*')).join('');
  const matchText = merged.map((p) => ('text' in p ? p.text : '\u0000')).join('');
  return { id, prefix, constant: firstDynamic === -1, glob, matchText };
}

/** True when two key expressions name the same Redis key. */
export function isSameKey(a: Node | undefined, b: Node | undefined, sourceCode: SourceCode): boolean {
  const left = keyShape(a, sourceCode);
  const right = keyShape(b, sourceCode);
  return left !== undefined && right !== undefined && left.id === right.id;
}

/** True when the key has some static text: a wrapper's bare `key` parameter says nothing about which key it is. */
export function hasStaticText(shape: KeyShape): boolean {
  return /"[^"]/.test(shape.id);
}

/**
 * Redis glob matching (`*`, `?`, `[abc]`) of a pattern against a key shape, where a dynamic part of
 * the key matches only a `*` of the pattern: `session:*` matches `` `session:${id}` ``.
 */
export function matchesKeyPattern(pattern: string, shape: KeyShape): boolean {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') source += '.*';
    else if (c === '?') source += '[^\\u0000]';
    else if (c === '\\' && i + 1 < pattern.length) source += escapeRegExp(pattern[++i]);
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end === -1) source += '\\[';
      else {
        source += `[${pattern.slice(i + 1, end).replace(/^\^/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else source += escapeRegExp(c);
  }
  try {
    return new RegExp(`^${source}$`, 's').test(shape.matchText);
  } catch {
    return false;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
