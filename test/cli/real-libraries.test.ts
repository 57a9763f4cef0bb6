import { join } from 'node:path';
import { repoRoot, runCli } from '../helpers/cli';

/* Zero-config runs over the published code of real Redis libraries: no crash, no parse error, and no
   finding that is not a Redis problem (their sources carry eslint-disable comments for rules we do not
   run). Whether a redis/* finding there is right is each rule's own test's business. */
describe('redis-lint on real libraries', { timeout: 120_000 }, () => {
  it.each([
    ['connect-redis', 'dist'],
    ['rate-limiter-flexible', 'lib'],
    ['ioredis', 'built'],
  ])('%s/%s: only redis/* findings, exit code to match', async (pkg, dir) => {
    const { code, stdout, stderr } = await runCli([dir, '-f', 'json'], { cwd: join(repoRoot, 'node_modules', pkg) });
    const results = JSON.parse(stdout) as { messages: { ruleId: string | null; message: string }[] }[];
    expect(results.length).toBeGreaterThan(3);
    const messages = results.flatMap((r) => r.messages);
    expect(messages.filter((m) => !m.ruleId?.startsWith('redis/')).map((m) => `${m.ruleId}: ${m.message}`)).toEqual([]);
    expect(code).toBe(results.some((r) => (r as { errorCount?: number }).errorCount) ? 1 : 0);
    expect(stderr).toBe(code === 0 ? '' : expect.stringMatching(/^redis-lint: \d+ errors? and \d+ warnings? in \d+ files?\n$/));
  });
});
