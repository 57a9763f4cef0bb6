import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseConf } from '../../src/conf/parse';
import { splitArgs, tokenize } from '../../src/conf/tokenizer';
import { referenceSplitArgs, referenceTokenize } from './helpers/reference-tokenizer';

// Characters that matter to sdssplitargs, mixed with arbitrary text.
const confChar = fc.oneof(
  fc.constantFrom(' ', '\t', '\r', '\n', '\v', '\f', '"', "'", '\\', 'x', '#', '0', 'a', 'F', '\0'),
  fc.string({ minLength: 1, maxLength: 1 }),
);
const confText = fc.array(confChar, { maxLength: 200 }).map((chars) => chars.join(''));

/** Encodes a value the way a config writer would: double quotes with \xHH for anything unusual. */
const quote = (value: string) =>
  `"${[...value].map((c) => (/[A-Za-z0-9 _.\-/]/.test(c) ? c : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)).join('')}"`;

describe('tokenizer properties', () => {
  it('never throws, on arbitrary strings and bytes', () => {
    fc.assert(
      fc.property(fc.oneof(confText, fc.string(), fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('latin1'))), (text) => {
        parseConf(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with the character-at-a-time transcription of sdssplitargs on every input', () => {
    fc.assert(
      fc.property(fc.oneof(confText, fc.string(), fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('latin1'))), (text) => {
        expect(tokenize(text)).toEqual(referenceTokenize(text));
        // splitArgs on its own, over an arbitrary slice, including NULs inside the range.
        const from = Math.floor(text.length / 3);
        expect(splitArgs(text, from, text.length)).toEqual(referenceSplitArgs(text, from, text.length));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps every node range and location inside the text', () => {
    fc.assert(
      fc.property(confText, (text) => {
        const doc = parseConf(text);
        const lines = text.split('\n');
        for (const node of [...doc.body, ...doc.body.flatMap((d) => d.words), ...doc.comments]) {
          expect(node.range[0]).toBeGreaterThanOrEqual(0);
          expect(node.range[1]).toBeLessThanOrEqual(text.length);
          expect(node.range[0]).toBeLessThanOrEqual(node.range[1]);
          expect(node.loc.start.line).toBeGreaterThanOrEqual(1);
          expect(node.loc.end.line).toBeLessThanOrEqual(lines.length);
          expect(node.loc.start.column).toBeLessThanOrEqual(lines[node.loc.start.line - 1].length + 1);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('re-joining the words with the text between them reproduces the line', () => {
    fc.assert(
      fc.property(confText, (text) => {
        for (const line of tokenize(text)) {
          if (line.kind !== 'directive' || line.error) continue;
          let rebuilt = '';
          let at = line.contentStart;
          for (const word of line.words) {
            const gap = text.slice(at, word.start);
            expect(gap.trim().replace(/[\v\f]/g, '')).toBe('');
            rebuilt += gap + text.slice(word.start, word.end);
            at = word.end;
          }
          rebuilt += text.slice(at, line.contentEnd);
          expect(rebuilt).toBe(text.slice(line.contentStart, line.contentEnd));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('decodes quoted values back to what was quoted', () => {
    fc.assert(
      // Bytes, as redis-server sees them: every char code below 256.
      fc.property(fc.array(fc.string({ unit: fc.integer({ min: 0, max: 255 }).map((n) => String.fromCharCode(n)), maxLength: 20 }), { minLength: 1, maxLength: 5 }), (values) => {
        const line = `directive ${values.map(quote).join(' ')}`;
        const { words, error } = splitArgs(line, 0, line.length);
        expect(error).toBeUndefined();
        expect(words.slice(1).map((w) => w.value)).toEqual(values);
      }),
      { numRuns: 1000 },
    );
  });

  it('reads the escapes and quoting rules of sdssplitargs', () => {
    const values = (line: string) => splitArgs(line, 0, line.length);
    expect(values('a "b\\x41\\n\\t\\"c" \'d\\\'e\'').words.map((w) => w.value)).toEqual(['a', 'bA\n\t"c', "d'e"]);
    expect(values('foo"bar baz"').words.map((w) => [w.value, w.quote])).toEqual([['foobar baz', 'mixed']]);
    expect(values('"abc"def').error?.message).toBe('closing quote must be followed by a space');
    expect(values('"abc').error?.message).toBe('unterminated double quote');
    expect(values("'a\\nb'").words[0].value).toBe('a\\nb');
    expect(values('"\\xZZ"').words[0].value).toBe('xZZ');
  });
});
