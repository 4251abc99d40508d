#!/usr/bin/env bash
# The reliability and security suite (docs/security.md): builds komek, serves a copy of the jar on a throw-away
# data directory and a free loopback port, attacks it part by part and prints one line per part (name, figures,
# PASS/FAIL). Exit status 1 when a part fails. Every part is bounded; everything it starts is stopped on exit.
#
#   scripts/attack.sh [--quick] [--parts localdb,crawl,fuzz,xss,soak,votes,import]
#
# --quick: 10,000 crawl requests, a 30 s soak, smaller vote and import runs (about 5 minutes); without it the soak
# lasts 10 minutes. MVN="mvn -o" builds offline. Needs a JDK 17+ with jcmd, Debian's chromium and chromium-driver
# (for the XSS part), psql and root (for the local-user part, which runs psql as the user nobody).
set -euo pipefail
cd "$(dirname "$0")/.."
MVN=${MVN:-mvn}

work=$(mktemp -d /tmp/komek-attack.XXXXXX)
chmod 755 "$work" # the local-user part runs as nobody, who must reach the data directory to be refused by it
cleanup() {
  # the processes this run started, by the pids it recorded: komek (java) and the CLI; then any embedded
  # PostgreSQL a killed komek left behind, by the pid in its own postmaster.pid
  if [ -f "$work/pids" ]; then
    while read -r pid; do
      if [ -n "$pid" ] && grep -q "$work" "/proc/$pid/cmdline" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
    done <"$work/pids"
  fi
  for pidfile in "$work"/*/postgres/postmaster.pid; do
    [ -f "$pidfile" ] || continue
    pm=$(head -1 "$pidfile")
    if [ -n "$pm" ] && grep -q "$work" "/proc/$pm/cmdline" 2>/dev/null; then kill -QUIT "$pm" 2>/dev/null || true; fi
  done
  sleep 1
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

echo "== build (jar, test classes, test classpath) =="
$MVN -B -ntp -q -DskipTests package
$MVN -B -ntp -q test-compile dependency:build-classpath -Dmdep.outputFile="$work/classpath" -Dmdep.includeScope=test
cp target/komek.jar "$work/komek.jar"

echo "== attack =="
java -cp "target/test-classes:target/classes:$(cat "$work/classpath")" kz.komek.attack.AttackMain \
  --jar "$work/komek.jar" --work "$work" "$@"
