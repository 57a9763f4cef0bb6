// The project lints itself with typescript-eslint's recommended rules and its own recommended preset.
const tseslint = require('typescript-eslint');
const redis = require('./dist/src/index.js');

module.exports = [
  { ignores: ['dist/**', 'node_modules/**', 'fixtures/**', '.bench/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  ...redis.configs.recommended,
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
