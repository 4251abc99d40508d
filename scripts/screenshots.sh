#!/usr/bin/env bash
# Screenshots of every page type on desktop (1280×900), an iPhone (390×844) and the app's webview, plus the admin
# at desktop and phone width, into docs/screenshots. They are taken by the Chromium tests themselves (the same
# pages the tests check, with axe-core and the first-screen figures), so the pictures show what is tested.
#
#   scripts/screenshots.sh            # needs Debian's chromium and chromium-driver; pngquant if present
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  echo "screenshots.sh: needs Debian's Chromium: apt-get install chromium chromium-driver" >&2
  exit 2
fi
rm -rf target/screenshots
# CI=true makes a browser test fail rather than skip when something is missing: no silent empty folder
CI=true mvn -q ${MAVEN_FLAGS:-} -Dkomek.fuzz.skip -Dsurefire.failIfNoSpecifiedTests=false test -Dtest='*BrowserTest'
mkdir -p docs/screenshots
rm -f docs/screenshots/*.png
cp target/screenshots/*.png docs/screenshots/
# Debian's pngquant keeps them readable at a third of the bytes (the repository carries them)
if command -v pngquant > /dev/null; then
  pngquant --quality=70-90 --speed 3 --force --ext .png docs/screenshots/*.png
else
  echo "screenshots.sh: pngquant not installed (apt-get install pngquant): kept uncompressed" >&2
fi
echo "screenshots.sh: $(ls docs/screenshots/*.png | wc -l) screenshots in docs/screenshots"
