#!/usr/bin/env node
// The redis.conf case of the benchmark: lines per second through the redis/conf language and every
// conf-* rule, on a large config (Debian's stock redis.conf repeated, or a synthetic one), compared
// with only reading the file. Runs on its own (`node scripts/bench-conf.mjs`) or from scripts/bench.mjs
// through `benchConf()`. Needs `npm run build` first.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

export async function benchConf({ lines = 100_000, runs = 3 } = {}) {
  const { Linter } = require('eslint');
  const plugin = require(join(root, 'dist/src/index.js'));
  const stock = existsSync('/etc/redis/redis.conf')
    ? readFileSync('/etc/redis/redis.conf', 'utf8')
    : 'bind 127.0.0.1 -::1\n# comment\nmaxmemory 1gb\nsave 3600 1\nappendonly yes\n';
  const stockLines = stock.split('\n');
  const body = Array.from({ length: lines }, (_, i) => stockLines[i % stockLines.length]).join('\n');
  const dir = mkdtempSync(join(tmpdir(), 'redis-conf-bench-'));
  const file = join(dir, 'redis.conf');
  writeFileSync(file, body);
  const rules = Object.fromEntries(Object.keys(plugin.rules).filter((id) => id.startsWith('conf-')).map((id) => [`redis/${id}`, 'error']));
  const config = [{ files: ['**/*.conf'], plugins: { redis: plugin }, language: 'redis/conf', languageOptions: { redisVersion: '7.0' }, rules }];
  const best = (fn) => {
    let min = Infinity;
    for (let i = 0; i < runs; i++) {
      const start = process.hrtime.bigint();
      fn();
      min = Math.min(min, Number(process.hrtime.bigint() - start) / 1e6);
    }
    return min;
  };
  const readMs = best(() => readFileSync(file, 'utf8'));
  let problems = 0;
  const lintMs = best(() => {
    problems = new Linter({ cwd: dir }).verify(readFileSync(file, 'utf8'), config, { filename: file }).length;
  });
  rmSync(dir, { recursive: true, force: true });
  return { lines, readMs, lintMs, linesPerSecond: Math.round(lines / (lintMs / 1000)), ratioToRead: Math.round(lintMs / readMs), problems };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await benchConf();
  console.log(
    `redis.conf: ${r.lines} lines linted by every conf-* rule in ${r.lintMs.toFixed(0)} ms (${r.linesPerSecond.toLocaleString('en')} lines/s); ` +
      `reading the file alone takes ${r.readMs.toFixed(1)} ms, so linting costs ${r.ratioToRead}x a read (${r.problems} problems)`,
  );
}
