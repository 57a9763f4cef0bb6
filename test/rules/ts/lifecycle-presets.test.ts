import { createRequire } from 'node:module';
import { expect, it } from 'vitest';

const plugin = createRequire(__filename)('../../../dist/src/index.js');

it('puts the lifecycle rules in recommended: lost TTLs and unsafe locks as errors, likely leaks as warnings', () => {
  const rules = Object.assign({}, ...plugin.configs.recommended.map((entry: { rules?: object }) => entry.rules ?? {}));
  expect(rules).toMatchObject({
    'redis/require-ttl': 'warn',
    'redis/no-unbounded-collection': 'warn',
    'redis/no-non-atomic-expire': 'error',
    'redis/no-unsafe-lock': 'error',
  });
  expect(plugin.configs['legacy-recommended'].rules).toMatchObject({ 'redis/no-unsafe-lock': 'error', 'redis/require-ttl': 'warn' });
});
