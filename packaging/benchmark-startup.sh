#!/usr/bin/env bash
# Start-up time of a packaged Driftdeck, with and without its AOT cache (docs/BENCHMARKS.md, "Start-up (issue 7)"):
#   packaging/benchmark-startup.sh [LAUNCHER] [RUNS]     (defaults: target/installer/Driftdeck/bin/Driftdeck, 10)
# Each run starts the launcher against a fresh throw-away data directory with DRIFTDECK_STARTUP_PROBE=exit, which
# prints the milliseconds from JVM start until the window is interactive and then closes it. Prints min/median/max
# of that figure per variant; with hyperfine installed also the launcher's wall time (start to process exit).
# Needs a display: $DISPLAY (e.g. Xvfb :99).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
launcher=${1:-"$repo/target/installer/Driftdeck/bin/Driftdeck"}
runs=${2:-10}
[ -n "${DISPLAY:-}" ] || { echo "benchmark-startup: set DISPLAY (e.g. Xvfb :99 and DISPLAY=:99)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# JAVA_TOOL_OPTIONS comes before the launcher's own options; AOTMode=off makes the JVM ignore the .cfg's cache.
measure() { # label, JAVA_TOOL_OPTIONS value
  local label=$1 tool_options=$2 times=()
  for i in $(seq 1 "$runs"); do
    rm -rf "$work/data"
    line=$(DRIFTDECK_HOME="$work/data" DRIFTDECK_STARTUP_PROBE=exit JAVA_TOOL_OPTIONS="$tool_options" \
      timeout 120 "$launcher" 2>&1 | grep -o 'interactive [0-9]* ms' || true)
    [ -n "$line" ] || { echo "benchmark-startup: run $i ($label) printed no start-up line" >&2; exit 1; }
    times+=("$(tr -dc 0-9 <<<"$line")")
  done
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  echo "$label: interactive after min $(head -1 <<<"$sorted") / median $(sed -n "$(((runs + 1) / 2))p" <<<"$sorted") / max $(tail -1 <<<"$sorted") ms ($runs runs)"
}
measure "without AOT cache" "-XX:AOTMode=off"
measure "with AOT cache   " "-XX:AOTMode=auto"
if command -v hyperfine >/dev/null; then
  hyperfine --runs "$runs" --style basic \
    --prepare "rm -rf $work/data" \
    -n "without AOT cache" "DRIFTDECK_HOME=$work/data DRIFTDECK_STARTUP_PROBE=exit JAVA_TOOL_OPTIONS=-XX:AOTMode=off $launcher" \
    -n "with AOT cache" "DRIFTDECK_HOME=$work/data DRIFTDECK_STARTUP_PROBE=exit $launcher"
fi
