#!/usr/bin/env bash
# Builds Driftdeck's installers from target/driftdeck.jar (run `mvn -DskipTests package` first, or let
# `mvn -Pinstaller package` run this script):
#   1. jlink a runtime with the modules of packaging/runtime-modules.txt (JDK 25's linkable runtime, no jmods);
#   2. jpackage an app-image: launcher + runtime + driftdeck.jar + JavaFX's native libraries beside it;
#   3. Linux: an AOT cache (JDK 25's AppCDS successor, JEP 483/514) from one real console start under Xvfb,
#      shipped in the app-image and named in the launcher's .cfg;
#   4. the OS installer from that app-image: .deb on Linux, .msi on Windows (WiX 3 or 4 on PATH), .dmg on macOS.
# Per-OS jpackage options live in packaging/<os>/jpackage.options; packaging/<os>/ is also jpackage's resource dir.
#
# Usage: packaging/build-installer.sh [--jdk DIR] [--version X.Y.Z] [--types "app-image deb"] [--no-aot]
#   --jdk      a JDK 25+ with jlink and jpackage (default: $INSTALLER_JDK, else the JDK of `java` on PATH)
#   --version  the app version (default 0.1.0); a -SNAPSHOT suffix is dropped (installers want numbers)
#   --types    what to build (default: $INSTALLER_TYPES, else "app-image" plus the OS installer)
#   --no-aot   skip the AOT cache (no display needed); start-up is slower, see docs/BENCHMARKS.md
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo" # the options files name icons relative to the repository
jdk=${INSTALLER_JDK:-}
version=0.1.0
types=${INSTALLER_TYPES:-}
aot=true
while [ $# -gt 0 ]; do
  case "$1" in
    --jdk) jdk=$2; shift 2 ;;
    --version) version=$2; shift 2 ;;
    --types) types=$2; shift 2 ;;
    --no-aot) aot=false; shift ;;
    *) echo "build-installer: unknown option '$1' (see the header of $0)" >&2; exit 2 ;;
  esac
done

case "$(uname -s)" in
  Linux) os=linux; installer=deb; natives='*.so' ;;
  Darwin) os=macos; installer=dmg; natives='*.dylib'; aot=false ;;
  MINGW* | MSYS* | CYGWIN*) os=windows; installer=msi; natives='*.dll'; aot=false ;;
  *) echo "build-installer: unsupported OS $(uname -s)" >&2; exit 2 ;;
esac
types=${types:-"app-image $installer"}
version=${version%-SNAPSHOT}

if [ -z "$jdk" ]; then
  jdk=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
fi
# exec-maven-plugin's toolchainJavaHomeEnvName may hand over the java executable rather than the home.
[ -f "$jdk" ] && jdk=$(dirname "$(dirname "$jdk")")
for tool in jlink jpackage; do
  [ -x "$jdk/bin/$tool" ] || { echo "build-installer: no $tool in $jdk/bin: pass --jdk with a JDK 25+" >&2; exit 2; }
done
jdk_version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk/release")
[ "${jdk_version:-0}" -ge 25 ] || { echo "build-installer: $jdk is JDK ${jdk_version:-?}; Driftdeck needs 25+: pass --jdk" >&2; exit 2; }
jar="$repo/target/driftdeck.jar"
[ -f "$jar" ] || { echo "build-installer: $jar is missing: run 'mvn -DskipTests package' first" >&2; exit 2; }

out="$repo/target/installer"
rm -rf "$out"
mkdir -p "$out/input"
step() { echo "build-installer: $*"; }
seconds() { echo $(($(date +%s) - $1)); }

started=$(date +%s)
modules=$(sed -e 's/#.*//' -e 's/[[:space:]]//g' "$repo/packaging/runtime-modules.txt" | grep -v '^$' | paste -sd, -)
step "jlink runtime: $modules"
# --generate-cds-archive: the runtime gets its default CDS archive, as a full JDK has.
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=zip-6 \
  --generate-cds-archive --output "$out/runtime"

# JavaFX finds its native libraries next to the jar that holds its classes before it would unpack them to ~/.openjfx.
cp -p "$jar" "$out/input/driftdeck.jar"
unzip -q -j -o "$jar" "$natives" -d "$out/input"

step "jpackage app-image ($os)"
"$jdk/bin/jpackage" --type app-image --dest "$out" --app-version "$version" \
  --input "$out/input" --main-jar driftdeck.jar --runtime-image "$out/runtime" \
  @packaging/common.options @packaging/app-image.options @"packaging/$os/jpackage.options"
app="$out/Driftdeck"
[ "$os" = macos ] && app="$out/Driftdeck.app"
step "app-image done in $(seconds "$started") s: $app"

if [ "$aot" = true ]; then
  aot_started=$(date +%s)
  "$repo/packaging/linux/train-aot-cache.sh" "$app"
  step "AOT cache done in $(seconds "$aot_started") s"
fi

for type in $types; do
  [ "$type" = app-image ] && continue
  type_started=$(date +%s)
  step "jpackage $type from the app-image"
  # dpkg-deb's compression: xz (its default) gives the smallest download but takes ~4 min on 2 cores for this
  # image; CI sets DPKG_DEB_COMPRESSOR_TYPE=gzip (13% larger, ~4x faster). jpackage passes the variable through.
  DPKG_DEB_COMPRESSOR_TYPE=${DPKG_DEB_COMPRESSOR_TYPE:-xz} "$jdk/bin/jpackage" --type "$type" --dest "$out" --app-version "$version" --app-image "$app" \
    --resource-dir "packaging/$os" @packaging/common.options @"packaging/$os/$type.options"
  step "$type done in $(seconds "$type_started") s: $(ls "$out"/*."$type")"
done
step "all done in $(seconds "$started") s"
