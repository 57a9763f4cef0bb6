#!/usr/bin/env node
'use strict';
require('../dist/src/cli/index.js')
  .run(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    process.stderr.write(`redis-lint: ${error && error.message ? error.message.split('\n')[0] : String(error)}\n`);
    process.exitCode = 2;
  });
