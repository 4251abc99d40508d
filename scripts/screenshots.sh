#!/usr/bin/env bash
# Screenshots of the visitor pages at desktop and phone widths, with Debian's headless Chromium.
# Usage: scripts/screenshots.sh [BASE_URL]   (default http://localhost:8080; the server must be running)
# Writes docs/screenshots/*.png.
set -euo pipefail

base="${1:-http://localhost:8080}"
base="${base%/}"
out="$(cd "$(dirname "$0")/.." && pwd)/docs/screenshots"
mkdir -p "$out"

chromium=/usr/bin/chromium
if [[ ! -x "$chromium" ]]; then
    echo "installing chromium" >&2
    apt-get install -y chromium >/dev/null
fi

if ! curl -fsS -o /dev/null "$base/health"; then
    echo "no komek server answers at $base" >&2
    exit 1
fi

# name|path
pages=(
    "question|/client/kz/bonus/save/general/q462"
    "home|/client/kz/"
    "product|/client/kz/bonus"
)
# name|width|height
sizes=(
    "desktop|1366|900"
    "phone|390|844"
)

for page in "${pages[@]}"; do
    IFS='|' read -r name path <<<"$page"
    for size in "${sizes[@]}"; do
        IFS='|' read -r label width height <<<"$size"
        file="$out/$name-$label.png"
        profile="$(mktemp -d)"
        # a fresh profile each time: no cache, no state carried between shots
        "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
            --disable-background-networking --disable-component-update --disable-sync \
            --user-data-dir="$profile" --hide-scrollbars \
            --window-size="$width,$height" --screenshot="$file" "$base$path" >/dev/null 2>&1
        rm -rf "$profile"
        echo "$file"
    done
done
