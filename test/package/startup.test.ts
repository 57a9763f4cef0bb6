import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const node = (code: string) => execFileSync(process.execPath, ['-e', code], { cwd: root, encoding: 'utf8' }).trim();
const loadsTypeScript = "Object.keys(require.cache).some((f) => /[\\\\/]node_modules[\\\\/]typescript[\\\\/]/.test(f))";

describe('start-up cost', () => {
  it('loading the plugin does not load the TypeScript compiler (redis.conf and JS-only runs never need it)', () => {
    expect(node(`require('eslint-plugin-redis'); console.log(${loadsTypeScript})`)).toBe('false');
  });

  it('the presets load typescript-eslint\'s parser on the first TypeScript file and parse it with it', () => {
    const code = `
      const { Linter } = require('eslint');
      const plugin = require('eslint-plugin-redis');
      const linter = new Linter({ cwd: ${JSON.stringify(root)} });
      const messages = linter.verify('const n: number = 1;\\n', plugin.configs.recommended, { filename: ${JSON.stringify(join(root, 'x.ts'))} });
      console.log(JSON.stringify(messages), ${loadsTypeScript});`;
    expect(node(code)).toBe('[] true');
  });
});
