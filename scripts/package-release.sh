#!/usr/bin/env bash
# Packages the built app as release/orderly-<version>.tar.gz: dist/, web/dist/, package files, RELEASE
# and the production node_modules, so a host runs it without reaching a registry.
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

# Production dependencies straight from the installed tree: exactly the locked versions, native
# builds included (argon2). A package's own nested node_modules come with it, so only the
# outermost directories are listed.
mapfile -t dependencies < <(
  npm ls --omit=dev --all --parseable --loglevel=error |
    sed -n "s#^$root/\(node_modules/.*\)#\1#p" |
    sort |
    awk 'kept == "" || index($0, kept "/") != 1 { print; kept = $0 }'
)
[ "${#dependencies[@]}" -gt 0 ] || { echo "package-release: npm ls found no production dependencies" >&2; exit 1; }

meta="$(mktemp -d)"
trap 'rm -rf "$meta"' EXIT
commit="$(git rev-parse HEAD 2>/dev/null || echo unknown)"
# The Node.js line it was built and tested on (CI and deploy build on 24; engines in package.json).
printf 'version=%s\ncommit=%s\nbuilt_at=%s\nnode=%s\n' "$version" "$commit" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$(node --version)" >"$meta/RELEASE"

mkdir -p release
tarball="release/orderly-$version.tar.gz"
tar -czf "$tarball.partial" \
  -C "$root" dist web/dist package.json package-lock.json "${dependencies[@]}" \
  -C "$meta" RELEASE
mv "$tarball.partial" "$tarball"
echo "$root/$tarball"
