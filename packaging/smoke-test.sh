#!/usr/bin/env bash
# Smoke-tests a packaged Driftdeck headless, with its own jlinked runtime and nothing from the build's JDK:
#   packaging/smoke-test.sh [LAUNCHER]     (default: target/installer/Driftdeck/bin/Driftdeck)
# LAUNCHER may be the installed one (/opt/driftdeck/bin/Driftdeck or /usr/bin/driftdeck). Checks:
#   --version (also as if on a 1 GB machine) and scan --help; TLS's elliptic curves present in the runtime (SunEC, java.base since JDK 22);
#   one CLI scan against a moto_server it starts on a free loopback port: one bucket that exists, one that does
#   not -> exit code 1 (drift), JSON with 1 managed and 1 missing;
#   the AOT cache (when the launcher's .cfg names one) really serves the application's classes.
# Needs: moto_server and python3 with boto3 (moto's own dependency).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
launcher=${1:-"$repo/target/installer/Driftdeck/bin/Driftdeck"}
launcher=$(readlink -f "$launcher")
app=$(dirname "$(dirname "$launcher")")
[ -x "$launcher" ] || { echo "smoke-test: no launcher at $launcher: run packaging/build-installer.sh" >&2; exit 2; }
command -v moto_server >/dev/null || { echo "smoke-test: moto_server is not on PATH" >&2; exit 2; }

work=$(mktemp -d)
moto_pid=""
cleanup() {
  [ -n "$moto_pid" ] && kill "$moto_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "smoke-test: FAILED: $*" >&2; exit 1; }
pass() { echo "smoke-test: ok: $*"; }

# A data directory of its own, so the smoke test never touches the user's.
export DRIFTDECK_HOME="$work/data"

version=$("$launcher" --version) || fail "--version exited $?"
grep -q '^Driftdeck [0-9]' <<<"$version" || fail "--version printed: $version"
pass "--version: $(head -1 <<<"$version")"

# The launcher's -XX:SoftMaxHeapSize must stay under its maximum heap on a small machine too: with the maximum left
# to the JVM (a quarter of RAM), a 2 GB laptop refused to start ("SoftMaxHeapSize must be less than or equal to the
# maximum heap size"). MaxRAM makes this machine look like a 1 GB one.
small=$(JAVA_TOOL_OPTIONS=-XX:MaxRAM=1g "$launcher" --version 2>&1) || fail "--version on a 1 GB machine: $small"
pass "starts on a machine with 1 GB of RAM"

help=$("$launcher" scan --help) || fail "scan --help exited $?"
grep -q -- '--endpoint-url' <<<"$help" || fail "scan --help lacks --endpoint-url: $help"
pass "scan --help"

"$app/lib/runtime/bin/java" -XshowSettings:security:providers -version 2>&1 | grep -q 'SunEC' \
  || fail "the runtime has no SunEC provider: TLS with elliptic curves would fail"
pass "runtime has SunEC (TLS elliptic curves)"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
moto_server -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
moto_pid=$!
endpoint="http://127.0.0.1:$port"
for _ in $(seq 1 100); do
  curl -s -o /dev/null "$endpoint" && break
  sleep 0.1
done
curl -s -o /dev/null "$endpoint" || fail "moto_server did not start on $endpoint: $(cat "$work/moto.log")"
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_REGION=us-east-1
python3 - "$endpoint" <<'EOF'
import sys, boto3
boto3.client("s3", endpoint_url=sys.argv[1], region_name="us-east-1").create_bucket(Bucket="smoke-kept")
EOF
bucket() { # name -> one aws_s3_bucket resource in tfstate v4
  printf '{"mode":"managed","type":"aws_s3_bucket","name":"%s","provider":"provider[\\"registry.terraform.io/hashicorp/aws\\"]","instances":[{"schema_version":0,"attributes":{"id":"%s","bucket":"%s","arn":"arn:aws:s3:::%s","tags":{}}}]}' "$1" "$1" "$1" "$1"
}
printf '{"version":4,"terraform_version":"1.9.0","serial":1,"lineage":"smoke","outputs":{},"resources":[%s,%s]}\n' \
  "$(bucket smoke-kept)" "$(bucket smoke-gone)" >"$work/smoke.tfstate"

set +e
"$launcher" scan --state "$work/smoke.tfstate" --region us-east-1 --endpoint-url "$endpoint" --output json \
  >"$work/report.json" 2>"$work/scan.err"
code=$?
set -e
[ "$code" = 1 ] || fail "scan exited $code, expected 1 (drift: one bucket missing); stderr: $(cat "$work/scan.err")"
python3 - "$work/report.json" <<'EOF' || fail "scan JSON: $(head -c 600 "$work/report.json")"
import json, sys
report = json.load(open(sys.argv[1]))
summary = report["summary"]
assert summary["total_managed"] == 1, summary
assert summary["total_missing"] == 1, summary
assert [m["id"] for m in report["missing"]] == ["smoke-gone"], report["missing"]
EOF
pass "scan against moto: exit 1, 1 managed, 1 missing, JSON parses"

cfg="$app/lib/app/Driftdeck.cfg"
if grep -q 'AOTCache=' "$cfg"; then
  # The launcher's -Xlog:disable would silence any logging asked for here, so the JVM is started the way the
  # launcher starts it (same runtime, class path and options from the .cfg) with class-load logging added.
  mapfile -t options < <(sed -n 's/^java-options=//p' "$cfg" | sed "s|\$APPDIR|$app/lib/app|g" | grep -v '^-Xlog:')
  "$app/lib/runtime/bin/java" "${options[@]}" -Xlog:class+load=info -Djava.class.path="$app/lib/app/driftdeck.jar" \
    dev.driftdeck.app.Main --version >"$work/classload.log" 2>&1 || fail "the JVM with the .cfg options failed"
  grep -q 'dev.driftdeck.app.Main source: shared objects file' "$work/classload.log" \
    || fail "the AOT cache does not serve the app's classes (jar modification time changed?): $(grep -m1 'dev.driftdeck.app.Main' "$work/classload.log")"
  pass "AOT cache serves the application's classes"
fi
echo "smoke-test: all checks passed for $launcher"
