#!/usr/bin/env bash
# Packages the built app as release/orderly-<version>.tar.gz: dist/, web/dist/, package files and
# production node_modules, so a host can run it without reaching a registry.
set -euo pipefail

usage() { echo "usage: $0 <version>   (after npm ci && npm run build)" >&2; exit 2; }
[ $# -eq 1 ] || usage
version="$1"
[[ "$version" =~ ^[A-Za-z0-9][A-Za-z0-9._-]*$ ]] || { echo "package-release: invalid version '$version'" >&2; exit 2; }

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

for built in dist/api/main.js web/dist/index.html package.json package-lock.json node_modules; do
  [ -e "$built" ] || { echo "package-release: $built is missing; run npm ci && npm run build first" >&2; exit 1; }
done

mkdir -p release
staging="$(mktemp -d "$root/release/.staging-$version.XXXXXX")"
trap 'rm -rf "$staging"' EXIT

mkdir -p "$staging/web"
cp -a dist "$staging/dist"
cp -a web/dist "$staging/web/dist"
cp package.json package-lock.json "$staging/"

# Production dependencies from the installed tree rather than the registry: the build machine
# already has exactly the locked versions, native builds included (argon2).
cp -a node_modules "$staging/node_modules"
(cd "$staging" && npm prune --omit=dev --ignore-scripts --offline --no-audit --no-fund --loglevel=error >/dev/null)
find "$staging/node_modules" -mindepth 1 -maxdepth 1 -type d -empty -delete

commit="$(git rev-parse HEAD 2>/dev/null || echo unknown)"
printf 'version=%s\ncommit=%s\nbuilt_at=%s\n' "$version" "$commit" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >"$staging/RELEASE"

tarball="release/orderly-$version.tar.gz"
tar -czf "$tarball.partial" -C "$staging" .
mv "$tarball.partial" "$tarball"
echo "$root/$tarball"
