import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ESLint } from 'eslint';

const root = join(__dirname, '..', '..');
const node = (args: string[]) => execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' }).trim();

describe('the built package', () => {
  it('loads with require and with import, as the same plugin object', () => {
    const viaRequire = node(['-e', "const p = require('eslint-plugin-redis'); console.log(p.meta.namespace, Object.keys(p.rules).length > 0, Array.isArray(p.configs.recommended))"]);
    const viaImport = node(['--input-type=module', '-e', "import p from 'eslint-plugin-redis'; console.log(p.meta.namespace, Object.keys(p.rules).length > 0, Array.isArray(p.configs.recommended))"]);
    expect(viaRequire).toBe('redis true true');
    expect(viaImport).toBe(viaRequire);
  });

  it('leaves test files alone for no-flush in the recommended preset, and reports it elsewhere', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const plugin = require(join(root, 'dist', 'src', 'index.js'));
    const eslint = new ESLint({ cwd: join(root, 'fixtures', 'ioredis-app'), overrideConfigFile: true, overrideConfig: plugin.configs.recommended });
    const code = "import Redis from 'ioredis';\nconst redis = new Redis();\nawait redis.flushdb();\n";
    const [inApp] = await eslint.lintText(code, { filePath: join(root, 'fixtures', 'ioredis-app', 'reset.ts') });
    const [inTest] = await eslint.lintText(code, { filePath: join(root, 'fixtures', 'ioredis-app', 'reset.test.ts') });
    expect(inApp.messages.map((m) => m.ruleId)).toEqual(['redis/no-flush']);
    expect(inTest.messages).toEqual([]);
  });
});
