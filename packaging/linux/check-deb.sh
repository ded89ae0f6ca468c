#!/usr/bin/env bash
# Checks what a built Driftdeck .deb holds and declares, without installing it:
#   packaging/linux/check-deb.sh [target/installer/driftdeck_*.deb]
# The launcher, the jar, the runtime, the desktop entry (with StartupWMClass, so the window groups under the
# menu entry) and its icon; the GTK dependency; the maintainer scripts that add /usr/bin/driftdeck.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
deb=${1:-$(ls "$repo"/target/installer/driftdeck_*.deb 2>/dev/null | head -1)}
[ -f "$deb" ] || { echo "check-deb: no .deb given or found under target/installer" >&2; exit 2; }
fail() { echo "check-deb: FAILED: $*" >&2; exit 1; }

contents=$(dpkg-deb -c "$deb")
for path in ./opt/driftdeck/bin/Driftdeck ./opt/driftdeck/lib/app/driftdeck.jar ./opt/driftdeck/lib/app/Driftdeck.cfg \
    ./opt/driftdeck/lib/runtime/bin/java ./opt/driftdeck/lib/runtime/lib/server/libjvm.so \
    ./opt/driftdeck/lib/app/libglassgtk3.so ./opt/driftdeck/lib/Driftdeck.png ./opt/driftdeck/lib/driftdeck-Driftdeck.desktop; do
  grep -q " $path\$" <<<"$contents" || fail "$deb lacks $path"
done
grep -q ' ./opt/driftdeck/bin/Driftdeck$' <<<"$(grep '^-rwx' <<<"$contents")" || fail "the launcher is not executable"

depends=$(dpkg-deb -f "$deb" Depends)
grep -qw 'libgtk-3-0' <<<"$depends" || fail "Depends lacks libgtk-3-0: $depends"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dpkg-deb -x "$deb" "$work/root"
dpkg-deb -e "$deb" "$work/control"
desktop="$work/root/opt/driftdeck/lib/driftdeck-Driftdeck.desktop"
grep -qx 'StartupWMClass=dev.driftdeck.app.DriftdeckApplication' "$desktop" || fail "desktop entry: $(cat "$desktop")"
grep -qx 'Exec=/opt/driftdeck/bin/Driftdeck' "$desktop" || fail "desktop entry Exec: $(grep Exec "$desktop")"
grep -qx 'Icon=/opt/driftdeck/lib/Driftdeck.png' "$desktop" || fail "desktop entry Icon: $(grep Icon "$desktop")"
grep -q 'ln -sfn /opt/driftdeck/bin/Driftdeck /usr/bin/driftdeck' "$work/control/postinst" || fail "postinst adds no /usr/bin/driftdeck"
grep -q 'xdg-desktop-menu install' "$work/control/postinst" || fail "postinst does not register the desktop entry"
grep -q 'rm -f /usr/bin/driftdeck' "$work/control/prerm" || fail "prerm leaves /usr/bin/driftdeck behind"
echo "check-deb: ok: $(basename "$deb") $(du -h "$deb" | cut -f1), launcher, jar, runtime, desktop entry, icon, Depends libgtk-3-0, /usr/bin/driftdeck"
