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
# identify (Debian's pre-commit) tags .mts/.cts files with nothing, so a hook filtered by types skips them.
printf "import Redis from 'ioredis';\nconst redis = new Redis();\nexport const queued = () => redis.keys('job:*');\n" > queue.mts
printf "import Redis from 'ioredis';\nconst redis = new Redis();\nexport const flush = () => redis.flushall();\n" > admin.cts
git add -A
git -c user.email=ci@example.invalid -c user.name=ci commit -qm fixtures

expect_exit() { # expected-code description command...
  local want=$1 what=$2; shift 2
  set +e; "$@" > "$work/out.txt" 2>&1; local got=$?; set -e
  if [ "$got" != "$want" ]; then
    echo "pre-commit: $what: exit $got, expected $want"; cat "$work/out.txt"; exit 1
  fi
}

# One try-repo run (each one installs the package afresh, ~1.5 min) with every hook of the repository:
# the code hook must fail on sessions.ts (KEYS, SELECT, FLUSHALL), queue.mts (KEYS) and admin.cts
# (FLUSHALL) and name the rules; the conf hook must pick redis.conf only, and fail on its public bind
# once the conf rules are in the package.
expect_exit 1 'try-repo with both hooks' pre-commit try-repo "$repo" --files sessions.ts queue.mts admin.cts clean.js redis.conf --verbose
out="$work/out.txt"
check() { grep -Eq "$1" "$out" || { echo "pre-commit: expected /$1/ in the output"; cat "$out"; exit 1; }; }
check '^redis-lint \(code\)\.+Failed'
check 'sessions\.ts'
check 'redis/no-keys'
check '^queue\.mts$'
check '^admin\.cts$'
check 'redis/no-flush'
if node -e "process.exit('conf' in require('$repo/dist/src/index.js').languages ? 0 : 1)"; then
  check '^redis-lint \(redis\.conf\)\.+Failed'
  check 'redis/conf-'
else
  check '^redis-lint \(redis\.conf\)\.+Passed'
fi
if grep -q 'clean\.js' "$out"; then echo 'pre-commit: clean.js should have no findings'; cat "$out"; exit 1; fi
echo 'pre-commit try-repo: both hooks behave as documented'
