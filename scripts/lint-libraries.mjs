// Lints the published sources of the real Redis-using libraries installed as dev dependencies with
// the built plugin, to find crashes and false positives: `node scripts/lint-libraries.mjs [rule ...]`.
// Prints one line per finding and a count per rule; exits 2 when a rule crashes.
import { Linter } from 'eslint';
import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const plugin = require('../dist/src/index.js');
const libraries = [
  'node_modules/bullmq/dist/cjs',
  'node_modules/ioredis/built',
  'node_modules/@redis/client/dist',
  'node_modules/connect-redis/dist',
  'node_modules/rate-limiter-flexible/lib',
].filter((dir) => existsSync(dir));
// --client-names=client,redis vouches for receivers the model cannot trace (clients passed in options).
const clientNamesArg = process.argv.find((a) => a.startsWith('--client-names='));
const clientNames = clientNamesArg ? clientNamesArg.slice('--client-names='.length).split(',') : undefined;
const ruleArgs = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const ruleIds = ruleArgs.length > 0 ? ruleArgs : Object.keys(plugin.rules).filter((id) => !id.startsWith('conf-'));

// ESLint's file search never enters node_modules, so the files are read and verified one by one.
const linter = new Linter({ configType: 'flat', cwd: resolve('.') });
const configFor = (sourceType) => [
  {
    files: ['**/*.js'],
    plugins: { redis: plugin },
    languageOptions: { ecmaVersion: 'latest', sourceType },
    // The libraries' own eslint-disable comments name rules this run does not load.
    linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
    settings: clientNames ? { redis: { clientNames } } : {},
    rules: Object.fromEntries(ruleIds.map((id) => [`redis/${id}`, 'error'])),
  },
];
const jsFiles = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
  entry.isDirectory() ? jsFiles(join(dir, entry.name)) : entry.name.endsWith('.js') ? [join(dir, entry.name)] : []);

const counts = Object.fromEntries(ruleIds.map((id) => [id, 0]));
let crashed = false;
let files = 0;
let parseErrors = 0;
for (const dir of libraries) {
  for (const file of jsFiles(dir)) {
    files++;
    let messages;
    try {
      // Flat config always ignores node_modules: verify under a virtual path next to it instead.
      // Published code is CommonJS or ESM (connect-redis): parse as CommonJS first, then as a module.
      const text = readFileSync(file, 'utf8');
      const filename = resolve(file.replace(/^node_modules\//, 'libraries/'));
      messages = linter.verify(text, configFor('commonjs'), { filename });
      if (messages.some((m) => m.fatal)) messages = linter.verify(text, configFor('module'), { filename });
    } catch (error) {
      crashed = true;
      console.log(`${file}: CRASH ${error.stack}`);
      continue;
    }
    for (const message of messages) {
      if (!message.ruleId) {
        if (message.fatal) {
          parseErrors++;
          console.log(`${file}: ${message.message}`);
        }
        continue;
      }
      counts[message.ruleId.replace('redis/', '')]++;
      console.log(`${file}:${message.line}:${message.column} ${message.ruleId} ${message.message.slice(0, 100)}`);
    }
  }
}
console.log(`${files} files, ${parseErrors} unparsable`, JSON.stringify(counts));
process.exit(crashed ? 2 : 0);
