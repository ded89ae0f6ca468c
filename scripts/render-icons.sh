#!/usr/bin/env bash
# Renders the icon source assets/driftdeck.svg to every size and format the app and the installers use, so the
# committed PNG/ICO/ICNS files can always be regenerated after an edit of the SVG:
#   assets/icons/driftdeck-<N>.png                 16..512 px, the set of record
#   src/main/resources/dev/driftdeck/ui/icons/     16..256 px, the JavaFX window icons (taskbar, Alt-Tab)
#   packaging/linux/Driftdeck.png                  256 px, jpackage's launcher/menu icon on Linux
#   packaging/windows/Driftdeck.ico                16..256 px in one file (ImageMagick)
#   packaging/macos/Driftdeck.icns                 16..512 px (png2icns from icnsutils)
# Needs: rsvg-convert (librsvg2-bin), ImageMagick convert, png2icns (icnsutils).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
svg="$repo/assets/driftdeck.svg"
for tool in rsvg-convert convert png2icns; do
  command -v "$tool" >/dev/null || { echo "render-icons: '$tool' is missing (apt-get install librsvg2-bin imagemagick icnsutils)" >&2; exit 2; }
done

icons="$repo/assets/icons"
window="$repo/src/main/resources/dev/driftdeck/ui/icons"
mkdir -p "$icons" "$window" "$repo/packaging/linux" "$repo/packaging/windows" "$repo/packaging/macos"

for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert --width "$size" --height "$size" "$svg" --output "$icons/driftdeck-$size.png"
done
for size in 16 24 32 48 64 128 256; do
  cp "$icons/driftdeck-$size.png" "$window/driftdeck-$size.png"
done
cp "$icons/driftdeck-256.png" "$repo/packaging/linux/Driftdeck.png"

# Windows picks the closest size per context (title bar 16, taskbar 24/32, Explorer 48/256).
convert "$icons/driftdeck-16.png" "$icons/driftdeck-24.png" "$icons/driftdeck-32.png" "$icons/driftdeck-48.png" \
  "$icons/driftdeck-64.png" "$icons/driftdeck-128.png" "$icons/driftdeck-256.png" "$repo/packaging/windows/Driftdeck.ico"
# png2icns knows the ICNS sizes 16, 32, 48, 128, 256 and 512.
png2icns "$repo/packaging/macos/Driftdeck.icns" "$icons/driftdeck-16.png" "$icons/driftdeck-32.png" \
  "$icons/driftdeck-48.png" "$icons/driftdeck-128.png" "$icons/driftdeck-256.png" "$icons/driftdeck-512.png" >/dev/null

echo "render-icons: wrote $(ls "$icons" | wc -l) PNGs, the window icons, Driftdeck.png/.ico/.icns"
