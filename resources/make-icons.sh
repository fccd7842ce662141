#!/usr/bin/env bash
# Regenerates every icon file from the SVG sources in this folder. The outputs are committed, so neither the build
# nor CI runs this: run it by hand after editing an SVG, then look at the PNGs.
# Needs (Debian): apt-get install -y librsvg2-bin icnsutils icoutils   (rsvg-convert, png2icns, icotool)
set -euo pipefail
cd "$(dirname "$0")"

# rsvg-convert <svg> <size> <out.png> [scale]: renders the SVG at size*scale, centred on a size x size canvas.
render() {
  local svg=$1 size=$2 out=$3 scale=${4:-1}
  local inner margin
  inner=$(awk -v s="$size" -v k="$scale" 'BEGIN { printf "%d", s * k + 0.5 }')
  margin=$(( (size - inner) / 2 ))
  rsvg-convert -w "$inner" -h "$inner" --page-width "$size" --page-height "$size" --left "$margin" --top "$margin" \
    "$svg" -o "$out"
}

# 16 px has its own pixel drawing; every larger size comes from the main drawing.
source_for() { if [ "$1" -le 16 ]; then echo icon-16.svg; else echo icon.svg; fi; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Linux (electron-builder reads the NxN.png set) and the BrowserWindow icon on Linux (512).
mkdir -p icons
for size in 512 256 128 64 32 16; do render "$(source_for "$size")" "$size" "icons/${size}x${size}.png"; done

# macOS: Apple's icon grid puts the tile at 824/1024 of the canvas where ours fills 448/512, so the Dock sizes are
# drawn at 92 % to sit level with their neighbours; 16 and 32 px stay on the pixel grid (a pixel of margin is moot).
for size in 16 32; do render "$(source_for "$size")" "$size" "$work/mac-$size.png"; done
for size in 128 256 512 1024; do render icon.svg "$size" "$work/mac-$size.png" 0.92; done
png2icns icon.icns "$work"/mac-{16,32,128,256,512,1024}.png >/dev/null

# Windows: the sizes Explorer, the taskbar and the installer ask for; 256 is stored as PNG (-r) as Windows expects.
for size in 16 24 32 48 64 128 256; do render "$(source_for "$size")" "$size" "$work/win-$size.png"; done
icotool -c -o icon.ico "$work"/win-{16,24,32,48,64,128}.png -r "$work/win-256.png"

# Tray: a template pair for the macOS menu bar (black + alpha, tinted by macOS; the @2x is picked on Retina) and the
# coloured icon for the Windows and Linux trays.
mkdir -p tray
render tray/trayTemplate.svg 16 tray/trayTemplate.png
render tray/trayTemplate.svg 32 tray/trayTemplate@2x.png
render icon-16.svg 16 tray/tray.png
render icon.svg 32 tray/tray@2x.png
