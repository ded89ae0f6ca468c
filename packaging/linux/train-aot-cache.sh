#!/usr/bin/env bash
# Trains the packaged app's AOT cache (JDK 25, JEP 483/514: AppCDS plus pre-linked classes) on one real console
# start, then names it in the launcher's .cfg so every later start maps it.
#   packaging/linux/train-aot-cache.sh target/installer/Driftdeck
# The training run is the installed launcher itself (same runtime, class path and JVM options as a user's start;
# the cache is refused when they differ): DRIFTDECK_STARTUP_PROBE=exit closes the window after its first frame,
# against a throw-away data directory. Needs a display: $DISPLAY, else xvfb-run (package xvfb).
# The cache stays valid after the app-image moves (/opt/driftdeck) as long as driftdeck.jar keeps its size and
# modification time. jpackage does not keep modification times when it stages the .deb, so the time is recorded
# in lib/app/driftdeck.jar.mtime and the .deb's postinst puts it back; packaging/smoke-test.sh checks the cache
# is really used (the app's classes come from it, not from the jar).
set -euo pipefail

app=${1:?usage: train-aot-cache.sh APP_IMAGE_DIR}
app=$(cd "$app" && pwd)
launcher="$app/bin/Driftdeck"
cfg="$app/lib/app/Driftdeck.cfg"
cache="$app/lib/app/driftdeck.aot"
[ -x "$launcher" ] && [ -f "$cfg" ] || { echo "train-aot-cache: $app is not a Driftdeck app-image" >&2; exit 2; }
if grep -q 'AOTCache=' "$cfg"; then
  echo "train-aot-cache: $cfg already names an AOT cache; rebuild the app-image to retrain" >&2
  exit 2
fi

data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
run=("$launcher")
if [ -z "${DISPLAY:-}" ]; then
  command -v xvfb-run >/dev/null || { echo "train-aot-cache: no DISPLAY and no xvfb-run (apt-get install xvfb)" >&2; exit 2; }
  run=(xvfb-run --auto-servernum --server-args '-screen 0 1400x900x24' "$launcher")
fi

# JAVA_TOOL_OPTIONS reaches the JVM the jpackage launcher starts (it passes no other JVM options through);
# the JVM then forks one child to assemble the cache from the recorded training run.
if ! DRIFTDECK_HOME="$data" DRIFTDECK_STARTUP_PROBE=exit JAVA_TOOL_OPTIONS="-XX:AOTCacheOutput=$cache" \
    timeout 300 "${run[@]}" >"$data/training.log" 2>&1; then
  cat "$data/training.log" >&2
  echo "train-aot-cache: the training start failed (log above)" >&2
  exit 1
fi
grep -q 'driftdeck-startup: window interactive' "$data/training.log" || {
  cat "$data/training.log" >&2; echo "train-aot-cache: the window never became interactive" >&2; exit 1; }
[ -s "$cache" ] || { cat "$data/training.log" >&2; echo "train-aot-cache: no cache written at $cache" >&2; exit 1; }
rm -f "$cache.config"
stat -c %Y "$app/lib/app/driftdeck.jar" >"$app/lib/app/driftdeck.jar.mtime"

# jpackage's launcher expands $APPDIR (lib/app) in the .cfg; the option goes into the [JavaOptions] section.
sed -i 's|^\[JavaOptions\]$|[JavaOptions]\njava-options=-XX:AOTCache=$APPDIR/driftdeck.aot|' "$cfg"
grep -q 'AOTCache=' "$cfg" || { echo "train-aot-cache: could not add the cache to $cfg" >&2; exit 1; }
echo "train-aot-cache: $(du -h "$cache" | cut -f1) cache at $cache, named in $cfg"
