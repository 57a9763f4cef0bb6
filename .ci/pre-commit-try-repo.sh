#!/usr/bin/env bash
# Runs this repository's .pre-commit-hooks.yaml with the real pre-commit, as a user's repository would:
# `pre-commit try-repo` installs the package through npm (language: node with the machine's node) and
# runs each hook on a scratch git repository holding one planted anti-pattern per hook.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache"

mkdir -p "$work/project" && cd "$work/project"
git init -q
cp "$repo/fixtures/ioredis-app/package.json" "$repo/fixtures/ioredis-app/sessions.ts" .
printf 'bind 0.0.0.0\nprotected-mode no\n' > redis.conf
printf 'const m = new Map();\nexport const k = [...m.keys()];\n' > clean.js
git add -A
git -c user.email=ci@example.invalid -c user.name=ci commit -qm fixtures

expect_exit() { # expected-code description command...
  local want=$1 what=$2; shift 2
  set +e; "$@" > "$work/out.txt" 2>&1; local got=$?; set -e
  if [ "$got" != "$want" ]; then
    echo "pre-commit: $what: exit $got, expected $want"; cat "$work/out.txt"; exit 1
  fi
}

# The code hook fails the commit on sessions.ts (KEYS, SELECT, FLUSHALL) and names the rules.
expect_exit 1 'redis-lint on sessions.ts' pre-commit try-repo "$repo" redis-lint --files sessions.ts clean.js
grep -q 'redis/no-keys' "$work/out.txt" || { echo 'pre-commit: no redis/no-keys finding'; cat "$work/out.txt"; exit 1; }
# Clean code passes.
expect_exit 0 'redis-lint on clean.js' pre-commit try-repo "$repo" redis-lint --files clean.js
# The conf hook picks redis.conf only; it fails on the public bind once the conf rules are in the package.
if node -e "process.exit('conf' in require('$repo/dist/src/index.js').languages ? 0 : 1)"; then
  expect_exit 1 'redis-lint-conf on redis.conf' pre-commit try-repo "$repo" redis-lint-conf --files redis.conf sessions.ts
  grep -q 'redis/conf-' "$work/out.txt" || { echo 'pre-commit: no conf finding'; cat "$work/out.txt"; exit 1; }
else
  expect_exit 0 'redis-lint-conf on redis.conf' pre-commit try-repo "$repo" redis-lint-conf --files redis.conf
fi
echo 'pre-commit try-repo: both hooks behave as documented'
