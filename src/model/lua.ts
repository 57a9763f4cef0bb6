import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';
import { AST_NODE_TYPES } from '../util/ast-node-types';

type Node = TSESTree.Node;

/** A piece of Lua source and where each of its characters sits in the file, when that is exact. */
interface Segment {
  textStart: number;
  length: number;
  /** File offset of the segment's first character, or undefined when escapes make the mapping inexact. */
  fileStart: number | undefined;
  /** The node to fall back to when the mapping is inexact. */
  node: Node;
}

export interface LuaSource {
  text: string;
  segments: Segment[];
}

/**
 * The Lua text a script argument holds: a string, a template literal, a `+` concatenation, or a
 * const bound to one of those in this file. Interpolations are unknown Lua and become blanks.
 */
export function luaSourceOf(node: Node, sourceCode: Readonly<TSESLint.SourceCode>, depth = 0): LuaSource | undefined {
  if (depth > 8) return undefined;
  switch (node.type) {
    case AST_NODE_TYPES.Literal: {
      if (typeof node.value !== 'string') return undefined;
      const raw = sourceCode.getText(node);
      const exact = raw.slice(1, -1) === node.value;
      return { text: node.value, segments: [{ textStart: 0, length: node.value.length, fileStart: exact ? node.range[0] + 1 : undefined, node }] };
    }
    case AST_NODE_TYPES.TemplateLiteral: {
      let text = '';
      const segments: Segment[] = [];
      node.quasis.forEach((quasi, i) => {
        const cooked = quasi.value.cooked ?? '';
        const exact = cooked === quasi.value.raw;
        segments.push({ textStart: text.length, length: cooked.length, fileStart: exact ? quasi.range[0] + 1 : undefined, node: quasi });
        text += cooked;
        if (i < node.expressions.length) text += ' ';
      });
      return { text, segments };
    }
    case AST_NODE_TYPES.BinaryExpression: {
      if (node.operator !== '+') return undefined;
      const left = luaSourceOf(node.left as Node, sourceCode, depth + 1);
      const right = luaSourceOf(node.right, sourceCode, depth + 1);
      if (!left || !right) return left ?? right;
      const shift = left.text.length;
      return {
        text: left.text + right.text,
        segments: [...left.segments, ...right.segments.map((s) => ({ ...s, textStart: s.textStart + shift }))],
      };
    }
    case AST_NODE_TYPES.Identifier: {
      const variable = ASTUtils.findVariable(sourceCode.getScope(node), node.name);
      const def = variable?.defs[0];
      if (!variable || variable.defs.length !== 1 || def?.type !== 'Variable') return undefined;
      const declarator = def.node as TSESTree.VariableDeclarator;
      if (declarator.parent?.kind !== 'const' || !declarator.init) return undefined;
      return luaSourceOf(declarator.init, sourceCode, depth + 1);
    }
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
      return luaSourceOf(node.expression, sourceCode, depth + 1);
    default:
      return undefined;
  }
}

export interface LuaCommand {
  command: string;
  /** The file range of `redis.call('NAME'`, or of the string holding it when escapes blur positions. */
  range: [number, number];
}

/**
 * Commands a script runs through `redis.call('NAME', ...)` / `redis.pcall("name", ...)`.
 * Reading `KEYS[1]` (the script's key arguments) is not the KEYS command; Lua `--` comments are skipped.
 */
export function luaCommands(source: LuaSource): LuaCommand[] {
  const found: LuaCommand[] = [];
  const text = withoutLuaComments(source.text);
  const pattern = /\bredis\s*\.\s*p?call\s*\(\s*(['"])([A-Za-z_|]+)\1/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    found.push({ command: match[2].toUpperCase(), range: fileRange(source, match.index, match.index + match[0].length) });
  }
  return found;
}

/**
 * The Lua text with every comment blanked, same length so offsets still map to the file: `-- line`
 * and long comments `--[[ ... ]]` / `--[==[ ... ]==]`. Strings are stepped over, so a `--` inside
 * `'a--b'` starts no comment; a long string `[[...]]` likewise.
 */
export function withoutLuaComments(text: string): string {
  let out = '';
  let i = 0;
  const longBracket = (at: number): number | undefined => {
    // `[`, then any number of `=`, then `[`: the level of a long string or comment.
    if (text[at] !== '[') return undefined;
    let j = at + 1;
    while (text[j] === '=') j++;
    return text[j] === '[' ? j - at - 1 : undefined;
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '-' && text[i + 1] === '-') {
      const level = longBracket(i + 2);
      let end: number;
      if (level !== undefined) {
        const close = text.indexOf(`]${'='.repeat(level)}]`, i + 4 + level);
        end = close === -1 ? text.length : close + level + 2;
      } else {
        const newline = text.indexOf('\n', i);
        end = newline === -1 ? text.length : newline;
      }
      out += text.slice(i, end).replace(/[^\n]/g, ' ');
      i = end;
      continue;
    }
    if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const level = longBracket(i);
    if (level !== undefined) {
      const close = text.indexOf(`]${'='.repeat(level)}]`, i + level + 2);
      const end = close === -1 ? text.length : close + level + 2;
      out += text.slice(i, end);
      i = end;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

function fileRange(source: LuaSource, start: number, end: number): [number, number] {
  const segment = source.segments.find((s) => start >= s.textStart && start < s.textStart + s.length);
  if (!segment) return source.segments[0].node.range;
  if (segment.fileStart === undefined || end > segment.textStart + segment.length) return segment.node.range;
  return [segment.fileStart + (start - segment.textStart), segment.fileStart + (end - segment.textStart)];
}
