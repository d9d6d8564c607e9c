#!/usr/bin/env bash
# Runs LorKit: builds it, prepares WildFly and Keycloak, starts a local mail server, Keycloak (realm
# lorkit with the demo logins) and WildFly on an embedded H2 database with demo data, and keeps running
# until Ctrl+C, which stops all three. Data lives in .lorkit/ and survives restarts.
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
  echo "Building LorKit and preparing WildFly (the first build downloads Maven and WildFly from Maven Central)..."
  ./mvnw -B -q install -DskipTests
fi

version() { sed -n "s:.*<$1>\\(.*\\)</$1>.*:\\1:p" pom.xml | head -1; }
wildfly_home=$root/ear/target/wildfly-$(version wildfly.version)
keycloak_home=$root/ear/target/keycloak-$(version keycloak.version)
greenmail_jar=$root/ear/target/greenmail/greenmail-standalone-$(version greenmail.version).jar
scripts=$root/ear/src/main/scripts
[ -x "$wildfly_home/bin/standalone.sh" ] && [ -d "$keycloak_home" ] && [ -f "$greenmail_jar" ] \
  || { echo "WildFly or Keycloak is not prepared: run ./run.sh without --skip-build" >&2; exit 1; }

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

stop_services() {
  bash "$scripts/keycloak.sh" stop "$root/.lorkit/keycloak" || true
  bash "$scripts/mail.sh" stop "$root/.lorkit/mail" || true
}
bash "$scripts/mail.sh" start "$greenmail_jar" "$root/.lorkit/mail"
# The production realm (no logins) with the demo logins and their organizations.
bash "$scripts/keycloak.sh" start "$keycloak_home" "$root/.lorkit/keycloak" "$root/ear/src/main/keycloak/lorkit-realm.json" \
  --demo "$root/ear/src/main/keycloak/demo" || { stop_services; exit 1; }

# standalone.sh passes Ctrl+C (TERM) on to the server only when it runs the JVM in the background.
export LAUNCH_JBOSS_IN_BACKGROUND=1
export JAVA_OPTS="${JAVA_OPTS:--Xms256m -Xmx1g} -Duser.timezone=UTC -Djava.net.preferIPv4Stack=true"
# Bounce reports are read from the local GreenMail's mailbox bounces@lorkit.local (IMAP 3143, any password).
"$wildfly_home/bin/standalone.sh" -c lorkit.xml -Djboss.server.base.dir="$base" -Dlorkit.demo.seed=true \
  -Dlorkit.bounce.imap.host=127.0.0.1 -Dlorkit.bounce.imap.port=3143 -Dlorkit.bounce.imap.security=none \
  -Dlorkit.bounce.imap.username=bounces@lorkit.local -Dlorkit.bounce.imap.password=any \
  > "$base/log/console.log" 2>&1 &
server=$!
trap 'echo; echo "Stopping LorKit..."; kill $server 2>/dev/null; wait $server 2>/dev/null; stop_services; exit 0' INT TERM

echo "Starting WildFly (log: $base/log/server.log)..."
for _ in $(seq 1 180); do
  if [ -f "$base/deployments/lorkit.ear.deployed" ]; then break; fi
  if [ -f "$base/deployments/lorkit.ear.failed" ]; then
    echo "LorKit failed to deploy:" >&2; cat "$base/deployments/lorkit.ear.failed" >&2
    kill $server; stop_services; exit 1
  fi
  if ! kill -0 $server 2>/dev/null; then echo "WildFly stopped; see $base/log/console.log" >&2; stop_services; exit 1; fi
  sleep 1
done
[ -f "$base/deployments/lorkit.ear.deployed" ] || { echo "LorKit did not deploy within 3 minutes" >&2; kill $server; stop_services; exit 1; }

cat <<BANNER

  LorKit is running.
    Portal:         http://localhost:8080/
    Keycloak:       http://localhost:8180/  (realm lorkit; admin console: admin / admin)
    Mail (GreenMail): SMTP 127.0.0.1:2525, mails at http://localhost:8025/
                    bounce reports to bounces@lorkit.local are read every minute
    Database:       ${LORKIT_DB_URL:-H2 file in .lorkit/standalone/data/lorkit}
    Server log:     $base/log/server.log

  Demo logins (password for all: lorkit-demo)
    Platform operator            operator@lorkit.example
    Bridgeway Clinical Rotations admin@bridgeway.example (agency admin), staff@bridgeway.example (staff)
                                 students: amara.okafor@student.example, rahul.mehta@student.example,
                                 sofia.haddad@student.example, chen.wei@student.example,
                                 mariana.silva@student.example, yusuf.demir@student.example
    Northstar USCE               admin@northstar.example (agency admin), staff@northstar.example (staff)
                                 students: li.na@student.example, omar.haddad@student.example,
                                 priya.nair@student.example
  Stop with Ctrl+C.

BANNER
wait $server
