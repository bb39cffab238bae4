#!/usr/bin/env bash
# Install (or upgrade) sgz-desktop for the current user from this unpacked folder:
#   program  ~/.local/opt/sgz-desktop       commands  ~/.local/bin/sgz-desktop, ~/.local/bin/sgz
#   menu     ~/.local/share/applications/sgz-desktop.desktop (+ icon)
# The station's data stays in ~/.local/share/sgz-desktop and is never touched here.
# ./install.sh --uninstall removes the program, not the data.
set -euo pipefail
src="$(cd "$(dirname "$0")" && pwd)"
prefix="${PREFIX:-$HOME/.local}"
opt="$prefix/opt/sgz-desktop"
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/scalable/apps"

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$opt" "$prefix/bin/sgz" "$prefix/bin/sgz-desktop" "$apps/sgz-desktop.desktop" "$icons/sgz-desktop.svg"
    echo "sgz-desktop removed; the data in ${XDG_DATA_HOME:-$HOME/.local/share}/sgz-desktop was kept."
    exit 0
fi

mkdir -p "$prefix/opt" "$prefix/bin" "$apps" "$icons"
staging="$opt.new"
rm -rf "$staging"
cp -a "$src" "$staging"
rm -rf "$opt"
mv "$staging" "$opt"
ln -sf "$opt/sgz-desktop" "$prefix/bin/sgz-desktop"
ln -sf "$opt/sgz" "$prefix/bin/sgz"
cp "$src/sgz-desktop.svg" "$icons/sgz-desktop.svg"
sed "s|^Exec=.*|Exec=$opt/sgz-desktop|" "$src/sgz-desktop.desktop" > "$apps/sgz-desktop.desktop"
echo "sgz-desktop $("$opt/sgz" --version | cut -d' ' -f2) installed in $opt"
