#!/usr/bin/env bash
# Regenerates the Terraform-made states under src/test/resources/tfstate/, one per config named (default: all):
# foundation -> moto-foundation.tfstate, lifecycle -> moto-lifecycle.tfstate, first-run -> first-run.tfstate. Applies
# each fixtures/terraform/<config> against a fresh moto_server with the preinstalled Terraform and AWS provider
# mirror, then runs one -refresh-only apply so the state holds what the provider reads back (as a real state does
# after a plan). Usage: scripts/make-tfstate-fixtures.sh [config...]
# Needs: terraform, moto_server on PATH, and a filesystem mirror of the hashicorp/aws provider: TF_PLUGIN_MIRROR, else
# the first of Terraform's implied local mirrors (~/.terraform.d/plugins, $XDG_DATA_HOME/terraform/plugins, each
# $XDG_DATA_DIRS/terraform/plugins) then /opt/tf-plugins that holds it (as the tests' ProviderMirror searches).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
declare -A state_file=([foundation]=moto-foundation [lifecycle]=moto-lifecycle [first-run]=first-run)
configs=("$@")
[ ${#configs[@]} -eq 0 ] && configs=(foundation lifecycle first-run)
for config in "${configs[@]}"; do
  [ -n "${state_file[$config]:-}" ] || { echo "unknown config '$config' (known: ${!state_file[*]})" >&2; exit 2; }
done
source "$(dirname "$0")/lib/provider-mirror.sh"
mirror=$(find_mirror)
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

# Each config applied in its own directory against the same moto.
for config in "${configs[@]}"; do
  out="$repo/src/test/resources/tfstate/${state_file[$config]}.tfstate"
  cp -r "$repo/fixtures/terraform/$config" "$work/$config"
  (
    cd "$work/$config"
    terraform init -input=false -no-color >/dev/null
    terraform apply -input=false -no-color -auto-approve -var "endpoint=http://127.0.0.1:$port" >/dev/null
    terraform apply -input=false -no-color -auto-approve -refresh-only -var "endpoint=http://127.0.0.1:$port" >/dev/null
    cp terraform.tfstate "$out"
  )
  echo "wrote $out ($(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(sum(len(r["instances"]) for r in d["resources"] if r["mode"]=="managed"), "managed instances, serial", d["serial"])' "$out"))"
done
