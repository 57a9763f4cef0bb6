/**
 * Every conf-* fix and suggestion, applied, leaves a config the real redis-server 7.0 starts with and
 * runs with the intended value; a second --fix pass changes nothing.
 */
import { expect, it } from 'vitest';
import { join } from 'node:path';
import { Linter } from 'eslint';
import Redis from 'ioredis';
import { redisPlugin as plugin } from '../helpers/conf-rule-tester';
import { describeWithRedis } from '../helpers/redis-server';
import { startWithConfig } from './helpers/conf-server';

const STRONG = 'k7Qz9vX2mP4wR8tY6uB3nC1eD5fG0hJ';
const config = (rule: string) => [{ files: ['**/*.conf'], plugins: { redis: plugin }, language: 'redis/conf', languageOptions: { redisVersion: '7.0' }, rules: { [`redis/${rule}`]: 'error' } }] as Linter.Config[];
// A path under the working directory, so the flat config's files pattern applies (the file is never written).
const filename = join(process.cwd(), 'redis-virtual.conf');

function applySuggestion(text: string, rule: string): string {
  const [message] = new Linter().verify(text, config(rule), { filename });
  const fix = message?.suggestions?.[0]?.fix;
  if (!fix) throw new Error(`${rule} offered no suggestion`);
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

async function configGet(text: string, commands: string[][], auth: { username?: string; password?: string } = {}): Promise<unknown[]> {
  const server = await startWithConfig({ name: 'fixed', text });
  try {
    expect(server.started, server.stderr).toBe(true);
    // eslint-disable-next-line redis/no-client-per-call -- each call starts its own redis-server to connect to
    const client = new Redis({ path: server.socket, ...auth, lazyConnect: true, maxRetriesPerRequest: 0 });
    await client.connect();
    const replies = [];
    for (const command of commands) replies.push(await client.call(command[0], ...command.slice(1)));
    client.disconnect();
    return replies;
  } finally {
    await server.stop();
  }
}

describeWithRedis('conf-* fixes and suggestions against redis-server 7.0', () => {
  const autofixes: [string, string, string[], unknown][] = [
    ['conf-no-noeviction', 'maxmemory 100mb\nmaxmemory-policy noeviction\n', ['CONFIG', 'GET', 'maxmemory-policy'], ['maxmemory-policy', 'allkeys-lru']],
    ['conf-no-noeviction', 'maxmemory 100mb\n', ['CONFIG', 'GET', 'maxmemory-policy'], ['maxmemory-policy', 'allkeys-lru']],
    ['conf-no-debug-command', 'enable-debug-command yes\n', ['CONFIG', 'GET', 'enable-debug-command'], ['enable-debug-command', 'no']],
  ];
  for (const [rule, text, command, expected] of autofixes) {
    it(`${rule} --fix on ${JSON.stringify(text)}`, async () => {
      const linter = new Linter();
      const first = linter.verifyAndFix(text, config(rule), { filename });
      expect(first.fixed).toBe(true);
      expect(first.messages).toEqual([]);
      const second = linter.verifyAndFix(first.output, config(rule), { filename });
      expect(second.fixed).toBe(false);
      expect(new Linter().verify(first.output, config('conf-valid-directive'), { filename })).toEqual([]);
      expect(await configGet(first.output, [command])).toEqual([expected]);
    });
  }

  it('conf-no-public-bind suggestion listens on loopback only', async () => {
    const fixed = applySuggestion('bind 0.0.0.0\n', 'conf-no-public-bind');
    expect(await configGet(fixed, [['CONFIG', 'GET', 'bind']])).toEqual([['bind', '127.0.0.1 -::1']]);
    const inserted = applySuggestion('# cache\ntimeout 0\n', 'conf-no-public-bind');
    expect(await configGet(inserted, [['CONFIG', 'GET', 'bind']])).toEqual([['bind', '127.0.0.1 -::1']]);
  });

  it('conf-no-protected-mode-off suggestion turns protected mode on', async () => {
    const fixed = applySuggestion('protected-mode no\n', 'conf-no-protected-mode-off');
    expect(await configGet(fixed, [['CONFIG', 'GET', 'protected-mode']])).toEqual([['protected-mode', 'yes']]);
  });

  it('conf-require-auth suggestion turns the passwordless default user off', async () => {
    const fixed = applySuggestion(`timeout 0\nuser admin on >${STRONG} ~* +@all\n`, 'conf-require-auth');
    const [user] = (await configGet(fixed, [['ACL', 'GETUSER', 'default']], { username: 'admin', password: STRONG })) as unknown[][];
    expect(user[0]).toBe('flags');
    expect(user[1]).toContain('off');
  });

  it('conf-restrict-dangerous-commands suggestion denies the commands', async () => {
    const fixed = applySuggestion('user default on nopass ~* &* +@all\n', 'conf-restrict-dangerous-commands');
    const [reply] = (await configGet(fixed, [['FLUSHALL']]).catch((e: Error) => [e.message])) as unknown[];
    expect(String(reply)).toMatch(/NOPERM/);
  });
});
