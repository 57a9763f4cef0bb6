import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// dist/src/util -> package root, and src/util -> package root when run from source by the tests.
function readPackageJson(): { name: string; version: string } {
  for (const up of ['../../..', '../..']) {
    try {
      const pkg = JSON.parse(readFileSync(join(__dirname, up, 'package.json'), 'utf8'));
      if (pkg.name === 'eslint-plugin-redis') return pkg;
    } catch {
      // try the next candidate
    }
  }
  return { name: 'eslint-plugin-redis', version: '0.0.0' };
}

const pkg = readPackageJson();
export const name: string = pkg.name;
export const version: string = pkg.version;
