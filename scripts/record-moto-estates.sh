#!/usr/bin/env bash
# Records a Terraform apply of fixtures/terraform/<config> against moto_server, for the tests to replay in two
# seconds instead of applying again (testing/RecordedEstate). Writes src/test/resources/moto-recordings/<variant>/:
#   requests.jsonl    every request Terraform sent (moto's recorder: /moto-api/recorder/download-recording)
#   terraform.tfstate the state that apply and one -refresh-only apply wrote, moto's host:port as MOTO_HOST_PORT
#   config.sha256     the digest of the configuration recorded, which RecordedEstate checks before replaying
# moto draws every id from one random generator; seeded with 42 before the apply and again before a replay, and fed
# the same requests in the same order (-parallelism=1), it hands out the same ids, so the state fits the replay.
# Variants: foundation (a plain moto_server) and foundation-managed-policies (MOTO_IAM_LOAD_MANAGED_POLICIES=true,
# whose loading draws from the same generator, so it needs its own recording). Usage:
#   scripts/record-moto-estates.sh [variant...]      (default: both)
# Needs terraform, moto_server and curl on PATH and the hashicorp/aws provider mirror (as make-tfstate-fixtures.sh).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
variants=("$@")
[ ${#variants[@]} -eq 0 ] && variants=(foundation foundation-managed-policies)
source "$(dirname "$0")/lib/provider-mirror.sh"
mirror=$(find_mirror)

# The digest RecordedEstate computes: each file's path (./relative, byte order) on a line, then its bytes.
config_digest() {
  (cd "$1" && find . -type f ! -path './.terraform/*' ! -name '.terraform.lock.hcl' ! -name '*.tfstate*' \
    | LC_ALL=C sort | while IFS= read -r f; do printf '%s\n' "$f"; cat "$f"; done) | sha256sum | cut -d' ' -f1
}

work=$(mktemp -d)
moto_pid=""
cleanup() {
  [ -n "$moto_pid" ] && kill "$moto_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

for variant in "${variants[@]}"; do
  case "$variant" in
    foundation) config=foundation; managed=false ;;
    foundation-managed-policies) config=foundation; managed=true ;;
    *) echo "unknown variant '$variant' (known: foundation foundation-managed-policies)" >&2; exit 2 ;;
  esac
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  mkdir -p "$work/$variant"
  MOTO_IAM_LOAD_MANAGED_POLICIES=$managed MOTO_RECORDER_FILEPATH="$work/$variant/recording.jsonl" \
    moto_server -H 127.0.0.1 -p "$port" >"$work/$variant/moto.log" 2>&1 &
  moto_pid=$!
  for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$port/moto-api/" >/dev/null && break
    sleep 0.1
  done
  endpoint="http://127.0.0.1:$port"
  curl -fs -X POST "$endpoint/moto-api/recorder/reset-recording" >/dev/null
  curl -fs -X POST "$endpoint/moto-api/seed?a=42" >/dev/null
  curl -fs -X POST "$endpoint/moto-api/recorder/start-recording" >/dev/null

  cp -r "$repo/fixtures/terraform/$config" "$work/$variant/tf"
  cat >"$work/$variant/terraformrc" <<RC
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
  (
    cd "$work/$variant/tf"
    export TF_CLI_CONFIG_FILE="$work/$variant/terraformrc" TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
    export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_DEFAULT_REGION=us-east-1
    terraform init -input=false -no-color >/dev/null
    terraform apply -parallelism=1 -input=false -no-color -auto-approve -var "endpoint=$endpoint" >/dev/null
    terraform apply -parallelism=1 -input=false -no-color -auto-approve -refresh-only -var "endpoint=$endpoint" >/dev/null
  )
  curl -fs -X POST "$endpoint/moto-api/recorder/stop-recording" >/dev/null
  out="$repo/src/test/resources/moto-recordings/$variant"
  mkdir -p "$out"
  curl -fs "$endpoint/moto-api/recorder/download-recording" >"$out/requests.jsonl"
  sed "s#127\.0\.0\.1:$port#MOTO_HOST_PORT#g" "$work/$variant/tf/terraform.tfstate" >"$out/terraform.tfstate"
  config_digest "$repo/fixtures/terraform/$config" >"$out/config.sha256"
  kill "$moto_pid"; wait "$moto_pid" 2>/dev/null || true; moto_pid=""
  echo "wrote $out ($(wc -l <"$out/requests.jsonl") requests, $(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(sum(len(r["instances"]) for r in d["resources"] if r["mode"]=="managed"), "managed instances")' "$out/terraform.tfstate"))"
done
