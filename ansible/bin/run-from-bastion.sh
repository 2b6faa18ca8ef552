#!/usr/bin/env bash
# Runs on the bastion (sent by .github/scripts/run-on-bastion.sh): fetches the release and the
# deploy key, then runs the playbook against the environment's app instances.
# usage: run-from-bastion.sh <environment> <deploy|rollback> <version or ""> <artifacts bucket> <work dir>
set -euo pipefail
environment="$1" playbook="$2" version="$3" bucket="$4" work="$5"
trap 'rm -rf "$work"' EXIT

key=/var/lib/orderly-deploy/deploy-key
umask 077
aws ssm get-parameter --name "/orderly/$environment/deploy/ssh-private-key" --with-decryption \
  --query Parameter.Value --output text >"$key.new"
mv "$key.new" "$key"

extra=()
if [ -n "$version" ]; then
  extra+=(-e "orderly_version=$version")
  # A rollback only needs the tarball when the release was pruned from the hosts.
  if aws s3 cp --only-show-errors "s3://$bucket/releases/orderly-$version.tar.gz" "$work/release.tar.gz"; then
    extra+=(-e "orderly_release_tarball=$work/release.tar.gz")
  elif [ "$playbook" = deploy ]; then
    echo "release orderly-$version.tar.gz is not in s3://$bucket/releases" >&2
    exit 1
  fi
fi

cd "$work/ansible"
inventory="inventories/$environment/aws_ec2.yml"
if [ "$playbook" = deploy ]; then
  ansible-playbook -i "$inventory" playbooks/site.yml
fi
ansible-playbook -i "$inventory" "playbooks/$playbook.yml" "${extra[@]}"
