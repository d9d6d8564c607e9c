#!/usr/bin/env bash
# Runs LorKit: builds it, prepares WildFly, starts it on an embedded H2 database with demo data,
# and keeps running until Ctrl+C. Data lives in .lorkit/ and survives restarts.
#   ./run.sh                 build and run
#   ./run.sh --skip-build    run what was built last
#   ./run.sh --reset         delete the local data first (fresh demo data)
# PostgreSQL instead of H2: LORKIT_DB_DRIVER=postgresql LORKIT_DB_URL=jdbc:postgresql://127.0.0.1:5432/lorkit \
#   LORKIT_DB_USER=postgres LORKIT_DB_PASSWORD=postgres ./run.sh
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

build=true
for arg in "$@"; do
  case $arg in
    --skip-build) build=false ;;
    --reset) rm -rf "$root/.lorkit" ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "Unknown option: $arg (try --help)" >&2; exit 2 ;;
  esac
done

if $build; then
  echo "Building LorKit and preparing WildFly (the first build downloads WildFly from Maven Central)..."
  mvn -B -q install -DskipTests
fi

wildfly_version=$(sed -n 's:.*<wildfly.version>\(.*\)</wildfly.version>.*:\1:p' pom.xml)
wildfly_home=$root/ear/target/wildfly-$wildfly_version
[ -x "$wildfly_home/bin/standalone.sh" ] || { echo "WildFly is not prepared: run ./run.sh without --skip-build" >&2; exit 1; }

# The server's own folder outside target/, so a clean build keeps the database.
base=$root/.lorkit/standalone
mkdir -p "$base/configuration" "$base/deployments" "$base/data" "$base/log"
cp -r "$wildfly_home/standalone/configuration/." "$base/configuration/"
rm -f "$base/deployments/"lorkit.ear.*
cp ear/target/lorkit.ear "$base/deployments/lorkit.ear"

if curl -s -o /dev/null "http://localhost:8080/" || curl -s -o /dev/null "http://localhost:9990/"; then
  echo "Something already listens on port 8080 or 9990: stop it first." >&2
  exit 1
fi

# standalone.sh passes Ctrl+C (TERM) on to the server only when it runs the JVM in the background.
export LAUNCH_JBOSS_IN_BACKGROUND=1
export JAVA_OPTS="${JAVA_OPTS:--Xms256m -Xmx1g} -Duser.timezone=UTC -Djava.net.preferIPv4Stack=true"
"$wildfly_home/bin/standalone.sh" -c lorkit.xml -Djboss.server.base.dir="$base" -Dlorkit.demo.seed=true \
  > "$base/log/console.log" 2>&1 &
server=$!
trap 'echo; echo "Stopping LorKit..."; kill $server 2>/dev/null; wait $server 2>/dev/null; exit 0' INT TERM

echo "Starting WildFly (log: $base/log/server.log)..."
for _ in $(seq 1 180); do
  if [ -f "$base/deployments/lorkit.ear.deployed" ]; then break; fi
  if [ -f "$base/deployments/lorkit.ear.failed" ]; then
    echo "LorKit failed to deploy:" >&2; cat "$base/deployments/lorkit.ear.failed" >&2
    kill $server; exit 1
  fi
  if ! kill -0 $server 2>/dev/null; then echo "WildFly stopped; see $base/log/console.log" >&2; exit 1; fi
  sleep 1
done
[ -f "$base/deployments/lorkit.ear.deployed" ] || { echo "LorKit did not deploy within 3 minutes" >&2; kill $server; exit 1; }

cat <<BANNER

  LorKit is running.
    Portal:        http://localhost:8080/
    Demo agency:   Bridgeway Clinical Rotations (demo), seeded on first start
    Database:      ${LORKIT_DB_URL:-H2 file in .lorkit/standalone/data/lorkit}
    Server log:    $base/log/server.log
  Stop with Ctrl+C.

BANNER
wait $server
