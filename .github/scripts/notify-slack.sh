#!/usr/bin/env bash
# Posts the outcome of a deploy or rollback to Slack; a missing webhook only warns.
# env: SLACK_WEBHOOK_URL, OUTCOME, ENVIRONMENT, PLAYBOOK, VERSION, ROLLED_BACK, RUN_URL
set -euo pipefail

if [ -z "${SLACK_WEBHOOK_URL:-}" ]; then
  echo "::warning::SLACK_WEBHOOK_URL is not set; no notification sent"
  exit 0
fi

case "$OUTCOME" in
  success) icon=":white_check_mark:" ;;
  *) icon=":x:" ;;
esac
text="$icon Orderly $PLAYBOOK of \`$VERSION\` to *$ENVIRONMENT*: *$OUTCOME*"
if [ "${ROLLED_BACK:-}" = success ]; then
  text="$text (smoke tests failed; rolled back to the previous release)"
fi
text="$text — <$RUN_URL|run log>"

jq -n --arg text "$text" '{text: $text}' |
  curl --silent --show-error --fail --max-time 10 -H 'content-type: application/json' --data @- "$SLACK_WEBHOOK_URL"
