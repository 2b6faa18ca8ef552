#!/usr/bin/env bash
# Points the bastion's A record at its current public address when a stop/start changed it.
# env: ENVIRONMENT, AWS_REGION, ROUTE53_ZONE_ID, BASTION_DOMAIN
set -euo pipefail

address="$(aws ec2 describe-instances --region "$AWS_REGION" \
  --filters "Name=tag:Project,Values=orderly" "Name=tag:Environment,Values=$ENVIRONMENT" \
            "Name=tag:Role,Values=bastion" "Name=instance-state-name,Values=running" \
  --query 'Reservations[].Instances[].PublicIpAddress' --output text)"
[[ "$address" =~ ^[0-9.]+$ ]] || { echo "::error::no single public address for the bastion: '$address'"; exit 1; }

name="${BASTION_DOMAIN%.}."
recorded="$(aws route53 list-resource-record-sets --hosted-zone-id "$ROUTE53_ZONE_ID" \
  --start-record-name "$name" --start-record-type A --max-items 1 \
  --query "ResourceRecordSets[?Name=='$name' && Type=='A'].ResourceRecords[].Value" --output text)"

if [ "$recorded" = "$address" ]; then
  echo "$name already points at $address"
  exit 0
fi

echo "Updating $name: '$recorded' -> $address"
change="$(jq -n --arg name "$name" --arg address "$address" '{
  Comment: "bastion address changed",
  Changes: [{Action: "UPSERT", ResourceRecordSet: {Name: $name, Type: "A", TTL: 60, ResourceRecords: [{Value: $address}]}}]
}')"
change_id="$(aws route53 change-resource-record-sets --hosted-zone-id "$ROUTE53_ZONE_ID" \
  --change-batch "$change" --query ChangeInfo.Id --output text)"
aws route53 wait resource-record-sets-changed --id "$change_id"
