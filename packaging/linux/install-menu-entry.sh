#!/bin/sh
# Put chatsafe in this user's application menu (no administrator rights needed).
# Run from the unpacked chatsafe folder:  sh linux/install-menu-entry.sh
# Writes two files under ~/.local/share; remove them to undo. A strictly portable
# setup does not need this step: start ./chatsafe-gui directly.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
mkdir -p "$apps" "$icons"
cp "$here/linux/chatsafe.png" "$icons/chatsafe.png"
# Point Exec at this folder's executable (quoted: the path may hold spaces).
sed "s|^Exec=.*|Exec=\"$here/chatsafe-gui\" %f|" "$here/linux/chatsafe.desktop" > "$apps/chatsafe.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" || true
echo "chatsafe is now in your application menu ($apps/chatsafe.desktop)"
