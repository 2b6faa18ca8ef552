#!/usr/bin/env bash
# Post-deploy checks against the public URL: health, readiness, the web app, GraphQL and a REST route.
# usage: smoke-test.sh https://orderly.example.com
set -euo pipefail
base="${1%/}"
curl_retry=(curl --silent --show-error --max-time 10 --retry 10 --retry-delay 3 --retry-all-errors)

check() {
  local name="$1" expected_status="$2" expected_body="$3"; shift 3
  local body status
  body="$(mktemp)"
  status="$("${curl_retry[@]}" --output "$body" --write-out '%{http_code}' "$@")"
  if [ "$status" != "$expected_status" ] || ! grep -q -- "$expected_body" "$body"; then
    echo "::error::smoke test '$name' failed: HTTP $status, body: $(head -c 300 "$body")"
    exit 1
  fi
  echo "ok: $name (HTTP $status)"
}

check "liveness" 200 '"status":"ok"' "$base/healthz"
check "readiness" 200 '' "$base/readyz"
check "web app" 200 '<html' "$base/"
check "GraphQL lists businesses" 200 '"businesses"' \
  -H 'content-type: application/json' --data '{"query":"{ businesses { id name } }"}' "$base/graphql"
check "REST login refuses a wrong password" 401 'UNAUTHENTICATED' \
  -H 'content-type: application/json' --data '{"u_name":"smoke-test-nobody","u_password":"not-a-password"}' "$base/user_login"
check "HTTP redirects to HTTPS" 301 '' "${base/https:/http:}/healthz"
