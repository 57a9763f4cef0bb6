// Legacy (eslintrc) example for ESLint 8.57: the TS/JS rules through the legacy preset.
// ESLint 9+ and 10 use eslint.config.js; a test runs ESLint 8 with this file on fixtures/.
module.exports = {
  root: true,
  parserOptions: { ecmaVersion: 'latest', sourceType: 'module' },
  extends: ['plugin:redis/legacy-recommended'],
};
