#!/usr/bin/env bash
# Runs an Ansible playbook on the environment's bastion through SSM Run Command and waits for it.
# usage: run-on-bastion.sh <deploy|rollback> <version or ""> <S3 key of the ansible bundle>
# env: ENVIRONMENT, AWS_REGION, ARTIFACTS_BUCKET
set -euo pipefail
playbook="$1" version="$2" bundle_key="$3"

bastion_id="$(aws ec2 describe-instances --region "$AWS_REGION" \
  --filters "Name=tag:Project,Values=orderly" "Name=tag:Environment,Values=$ENVIRONMENT" \
            "Name=tag:Role,Values=bastion" "Name=instance-state-name,Values=running" \
  --query 'Reservations[].Instances[].InstanceId' --output text)"
[ -n "$bastion_id" ] && [ "$(wc -w <<<"$bastion_id")" -eq 1 ] || { echo "::error::expected one running bastion, found '$bastion_id'"; exit 1; }

script="set -euo pipefail
work=\$(mktemp -d /var/lib/orderly-deploy/run.XXXXXX)
aws s3 cp --only-show-errors 's3://$ARTIFACTS_BUCKET/$bundle_key' \"\$work/ansible.tar.gz\"
tar -xzf \"\$work/ansible.tar.gz\" -C \"\$work\"
exec bash \"\$work/ansible/bin/run-from-bastion.sh\" '$ENVIRONMENT' '$playbook' '$version' '$ARTIFACTS_BUCKET' \"\$work\""

parameters="$(jq -n --arg script "$script" '{commands: [$script], executionTimeout: ["3600"]}')"
command_id="$(aws ssm send-command --region "$AWS_REGION" \
  --instance-ids "$bastion_id" \
  --document-name AWS-RunShellScript \
  --comment "orderly $playbook $version ($ENVIRONMENT)" \
  --parameters "$parameters" \
  --timeout-seconds 600 \
  --query Command.CommandId --output text)"
echo "Run Command $command_id on $bastion_id"

while true; do
  sleep 10
  status="$(aws ssm get-command-invocation --region "$AWS_REGION" --command-id "$command_id" \
    --instance-id "$bastion_id" --query Status --output text 2>/dev/null || echo Pending)"
  case "$status" in
    Pending|InProgress|Delayed) continue ;;
    *) break ;;
  esac
done

aws ssm get-command-invocation --region "$AWS_REGION" --command-id "$command_id" --instance-id "$bastion_id" \
  --query '[StandardOutputContent, StandardErrorContent]' --output text
if [ "$status" != Success ]; then
  echo "::error::$playbook on the bastion ended with status $status"
  exit 1
fi
