#!/usr/bin/env bash
# Build the Linux one-folder bundle and a tarball:
#   installers/dist/sgz-desktop/                       the bundle (sgz-desktop, sgz, _internal/)
#   installers/dist/sgz-desktop-VERSION-linux-ARCH.tar.gz  bundle + desktop entry + icon + install.sh
# Usage: installers/build_linux.sh [PYTHON]   (default: .venv/bin/python, created with the test extra if missing)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
cd "$repo"

python="${1:-}"
if [ -z "$python" ]; then
    if [ ! -x .venv/bin/python ]; then
        python3 -m venv .venv
        .venv/bin/pip install -q -e '.[test]'
    fi
    python=.venv/bin/python
fi
"$python" -m PyInstaller --version >/dev/null 2>&1 || "$python" -m pip install -q "pyinstaller>=6.10"

version="$("$python" -c 'import sgz_desktop; print(sgz_desktop.__version__)')"
arch="$(uname -m)"
dist="$here/dist"
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$dist" --workpath "$here/build" "$here/sgz-desktop.spec"
bundle="$dist/sgz-desktop"

# The bundle must start: version, and a demo station in a throw-away folder.
"$bundle/sgz" --version
smoke="$(mktemp -d)"
trap 'rm -rf "$smoke"' EXIT
"$bundle/sgz" --data-dir "$smoke/demo" demo >/dev/null
"$bundle/sgz" --data-dir "$smoke/demo" check >/dev/null
QT_QPA_PLATFORM=offscreen "$bundle/sgz-desktop" --demo --data-dir "$smoke/demo" --exit-after 2

cp "$here/linux/sgz-desktop.desktop" "$here/linux/sgz-desktop.svg" "$here/linux/install.sh" "$bundle/"
tarball="$dist/sgz-desktop-$version-linux-$arch.tar.gz"
tar -C "$dist" -czf "$tarball" sgz-desktop
echo "built $bundle"
echo "built $tarball"
