#!/usr/bin/env node
// Regenerates the README's rules table from the built plugin's rule metadata (run after `npm run build`).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withRulesTable } from './rules-table.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const plugin = createRequire(import.meta.url)(join(root, 'dist', 'src', 'index.js'));
const file = join(root, 'README.md');
const before = readFileSync(file, 'utf8');
const after = withRulesTable(before, plugin.rules);
if (after !== before) writeFileSync(file, after);
console.log(after === before ? 'README.md rules table is up to date' : 'README.md rules table updated');
