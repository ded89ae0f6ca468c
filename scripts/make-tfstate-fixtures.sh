#!/usr/bin/env bash
# Regenerates src/test/resources/tfstate/moto-<config>.tfstate for each config named (default: foundation and
# lifecycle): applies fixtures/terraform/<config> against a fresh moto_server with the preinstalled Terraform and
# AWS provider mirror, then runs one -refresh-only apply so the state holds what the provider reads back (as a real
# state does after a plan). Usage: scripts/make-tfstate-fixtures.sh [config...]
# Needs: terraform, moto_server on PATH, the provider mirror under /opt/tf-plugins (override TF_PLUGIN_MIRROR).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
configs=("$@")
[ ${#configs[@]} -eq 0 ] && configs=(foundation lifecycle)
mirror=${TF_PLUGIN_MIRROR:-/opt/tf-plugins}
work=$(mktemp -d)
moto_pid=""
cleanup() {
  [ -n "$moto_pid" ] && kill "$moto_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
moto_server -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
moto_pid=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/moto-api/" >/dev/null && break
  sleep 0.1
done

# Offline provider install from the local mirror; our own CLI config, so the user's is left alone.
cat >"$work/terraformrc" <<RC
provider_installation {
  filesystem_mirror {
    path    = "$mirror"
    include = ["registry.terraform.io/hashicorp/aws"]
  }
  direct {
    exclude = ["registry.terraform.io/hashicorp/aws"]
  }
}
RC
export TF_CLI_CONFIG_FILE="$work/terraformrc" TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_DEFAULT_REGION=us-east-1

for config in "${configs[@]}"; do
  out="$repo/src/test/resources/tfstate/moto-$config.tfstate"
  cp -r "$repo/fixtures/terraform/$config" "$work/$config"
  cd "$work/$config"
  terraform init -input=false -no-color >/dev/null
  terraform apply -input=false -no-color -auto-approve -var "endpoint=http://127.0.0.1:$port" >/dev/null
  terraform apply -input=false -no-color -auto-approve -refresh-only -var "endpoint=http://127.0.0.1:$port" >/dev/null
  cp terraform.tfstate "$out"
  echo "wrote $out ($(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(sum(len(r["instances"]) for r in d["resources"] if r["mode"]=="managed"), "managed instances, serial", d["serial"])' "$out"))"
done
