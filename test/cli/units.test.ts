import type { ESLint } from 'eslint';
import { gitignoreLineToPattern, literalGlob, rebasePattern } from '../../dist/src/cli/gitignore.js';
import { withoutUnparseableFixes } from '../../dist/src/cli/fix-guard.js';
import { parseRuleSpec } from '../../dist/src/cli/program.js';
import { oneLine } from '../../dist/src/cli/exit-codes.js';
import { lintRoot } from '../../dist/src/cli/index.js';

describe('gitignore lines become flat-config ignore patterns', () => {
  it.each([
    ['build/', '**/build/'],
    ['/generated.js', 'generated.js'],
    ['*.log', '**/*.log'],
    ['docs/out', 'docs/out'],
    ['!keep.log', '!**/keep.log'],
    ['\\#hash', '**/#hash'],
    ['# a comment', undefined],
    ['   ', undefined],
    ['**/tmp', '**/tmp'],
  ])('%j -> %j', (line, pattern) => {
    expect(gitignoreLineToPattern(line)).toBe(pattern);
  });
});

describe('patterns of other directories\' .gitignore files, re-based onto the run\'s root', () => {
  it.each([
    ['**/build/', '/p', '/p', '**/build/'],
    ['generated.js', '/p/sub', '/p', 'sub/generated.js'],
    ['**/*.log', '/p/sub', '/p', 'sub/**/*.log'],
    ['!**/keep.log', '/p/sub', '/p', '!sub/**/keep.log'],
    // A parent's .gitignore, the run in /p/pkg: any-depth patterns hold, anchored ones only if they lead into pkg.
    ['**/dist/', '/p', '/p/pkg', '**/dist/'],
    ['pkg/gen.ts', '/p', '/p/pkg', 'gen.ts'],
    ['pkg/**/x.ts', '/p', '/p/pkg', '**/x.ts'],
    ['other/gen.ts', '/p', '/p/pkg', undefined],
    ['generated.js', '/p', '/p/pkg', undefined],
    ['p*g/gen.ts', '/p', '/p/pkg', undefined],
  ])('%j from %s onto %s -> %j', (pattern, dir, root, expected) => {
    expect(rebasePattern(pattern, dir, root)).toBe(expected);
  });

  it('turns a path into a glob that matches only itself', () => {
    expect(literalGlob('src/[id]/page.ts')).toBe('src/[[]id[]]/page.ts');
    expect(literalGlob('a/(x)+{y}*?.ts')).toBe('a/[(]x[)][+][{]y[}][*][?].ts');
    expect(literalGlob('plain/path.ts')).toBe('plain/path.ts');
    expect(literalGlob('!first/a!b.ts')).toBe('\\!first/a!b.ts');
    expect(literalGlob('back\\slash.ts')).toBe('back\\\\slash.ts');
  });
});

describe('fixes that break parsing are never written', () => {
  const result = (over: Partial<ESLint.LintResult>): ESLint.LintResult =>
    ({ filePath: '/p/a.js', messages: [], errorCount: 0, warningCount: 0, ...over }) as ESLint.LintResult;

  it('drops the output of a file whose fixed text has a fatal parse error, and names it', () => {
    const broken = result({ filePath: '/p/broken.js', output: 'const = ;', messages: [{ fatal: true, ruleId: null, severity: 2, message: 'Parsing error', line: 1, column: 7 }] });
    const fine = result({ filePath: '/p/fine.js', output: 'const a = 1;' });
    const { results, skipped } = withoutUnparseableFixes([broken, fine]);
    expect(skipped).toEqual(['/p/broken.js']);
    expect(results[0]).not.toHaveProperty('output');
    expect(results[0].messages).toHaveLength(1);
    expect(results[1].output).toBe('const a = 1;');
  });
});

describe('--rule specs', () => {
  it.each([
    ['no-keys:off', ['no-keys', 'off']],
    ['redis/no-select:warn', ['no-select', 'warn']],
    ['conf-require-auth:2', ['conf-require-auth', 'error']],
    ['no-keys:ERROR', ['no-keys', 'error']],
  ])('%s', (spec, expected) => {
    expect(parseRuleSpec(spec)).toEqual(expected);
  });
  it.each(['no-keys', 'no-keys:loud', ':off', 'other/no-keys:off'])('rejects %s', (spec) => {
    expect(() => parseRuleSpec(spec)).toThrow(/expected <rule-id>:<off\|warn\|error>/);
  });
});

describe('one-line reasons', () => {
  it('names the path and code of a read error, and joins the meaningful lines of a message', () => {
    expect(oneLine(Object.assign(new Error('EACCES: permission denied, open'), { code: 'EACCES', path: '/etc/redis/redis.conf' }))).toBe('cannot read /etc/redis/redis.conf: EACCES');
    expect(oneLine(new Error('first\nsecond'))).toBe('first; second');
    expect(oneLine('plain')).toBe('plain');
    expect(oneLine(new Error(''))).toBe('unknown error');
  });

  it('keeps the reason ESLint puts on its second line (an option an older ESLint does not know)', () => {
    expect(oneLine(new Error('Invalid Options:\n- Unknown options: concurrency'))).toBe('Invalid Options: Unknown options: concurrency');
    expect(oneLine(new Error('Invalid Options:\n- Unknown options: concurrency\n- \'fix\' must be a boolean.\n'))).toBe(
      "Invalid Options: Unknown options: concurrency; 'fix' must be a boolean.",
    );
  });

  it('leaves out the module paths of Node\'s "Require stack"', () => {
    const error = new Error("There was a problem loading formatter: x\nError: Cannot find module 'eslint-formatter-nope'\nRequire stack:\n- /p/node_modules/eslint/lib/eslint/eslint.js\n- /p/x.js");
    expect(oneLine(error)).toBe("There was a problem loading formatter: x; Error: Cannot find module 'eslint-formatter-nope'");
  });
});

describe('the progress line', () => {
  it('counts linted files on a terminal once the run is slow, and clears itself', async () => {
    const { PassThrough } = await import('node:stream');
    const { startProgress, progressPlugin } = await import('../../dist/src/cli/progress.js');
    const stream = new PassThrough();
    let text = '';
    stream.on('data', (c) => (text += c.toString()));
    const line = startProgress(stream as unknown as NodeJS.WriteStream, 0);
    progressPlugin.rules.tick.create({ filename: '/p/a.ts' });
    progressPlugin.rules.tick.create({ filename: '/p/a.ts' }); // a second fix pass over the same file
    progressPlugin.rules.tick.create({ filename: '/p/b.conf' });
    await new Promise((r) => setTimeout(r, 250));
    line.stop();
    expect(text).toMatch(/\r\x1b\[2Klinting… 2 files, \d+\.\d s/);
    expect(text.endsWith('\r\x1b[2K')).toBe(true);
  });

  it('stays silent for a quick run', async () => {
    const { PassThrough } = await import('node:stream');
    const { startProgress } = await import('../../dist/src/cli/progress.js');
    const stream = new PassThrough();
    let text = '';
    stream.on('data', (c) => (text += c.toString()));
    const line = startProgress(stream as unknown as NodeJS.WriteStream, 10_000);
    await new Promise((r) => setTimeout(r, 150));
    line.stop();
    expect(text).toBe('');
  });
});

describe('the root of a run', () => {
  it.each([
    ['/home/me/app', ['src', 'redis.conf'], '/home/me/app'],
    ['/home/me/app', ['/etc/redis/6379.conf'], '/'],
    ['/home/me/app', ['../shared/redis.conf'], '/home/me'],
    ['/home/me/app', ['../lib/**/*.ts'], '/home/me'],
    ['/home/me/app', [], '/home/me/app'],
  ])('from %s with %j is %s (ESLint lints nothing outside its cwd)', (cwd, paths, root) => {
    expect(lintRoot(cwd, paths)).toBe(root);
  });
});
