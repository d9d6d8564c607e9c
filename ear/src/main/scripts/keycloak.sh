#!/usr/bin/env bash
# Starts and stops the Keycloak that LorKit logs in with (dev mode, port 8180, realm "lorkit").
#   keycloak.sh start KEYCLOAK_HOME STATE_DIR REALM_FILE [--fresh]
#   keycloak.sh stop  STATE_DIR
# STATE_DIR holds Keycloak's database, its log and pid. The realm file is imported into a fresh
# database; when the file changes, the database is made afresh so the change takes effect
# (Keycloak's --import-realm skips a realm that already exists).
set -euo pipefail
# shellcheck source=ports.sh
. "$(dirname "$0")/ports.sh"
ports=(8180 9180)
command=${1:?start or stop}

stop() {
  local state=$1
  if [ -f "$state/keycloak.pid" ]; then
    stop_and_wait "$(cat "$state/keycloak.pid")" "${ports[@]}"
    rm -f "$state/keycloak.pid"
  fi
}

case $command in
  stop)
    stop "${2:?STATE_DIR}"
    ;;
  start)
    home=${2:?KEYCLOAK_HOME}; state=${3:?STATE_DIR}; realm=${4:?REALM_FILE}; fresh=${5:-}
    mkdir -p "$state"
    stop "$state"
    realm_sum=$(sha256sum "$realm" | cut -d' ' -f1)
    if [ "$fresh" = "--fresh" ] || [ "$(cat "$state/realm.sha256" 2>/dev/null)" != "$realm_sum" ]; then
      rm -rf "$state/db"
    fi
    # start --import-realm reads the realms in KEYCLOAK_HOME/data/import.
    mkdir -p "$home/data/import"
    cp "$realm" "$home/data/import/lorkit-realm.json"
    refuse_taken_ports "Keycloak" "${ports[@]}"
    export JAVA_OPTS_KC_HEAP="${KEYCLOAK_HEAP:--Xms128m -Xmx512m}"
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
      nohup "$home/bin/kc.sh" start-dev --http-port=8180 --http-management-port=9180 \
      --db=dev-file --db-url="jdbc:h2:file:$state/db/keycloak;NON_KEYWORDS=VALUE;AUTO_SERVER=TRUE" \
      --import-realm \
      > "$state/keycloak.log" 2>&1 &
    pid=$!
    echo $pid > "$state/keycloak.pid"
    # The ports were free before the start, so what answers now is the process just started.
    for _ in $(seq 1 180); do
      if curl -sf -o /dev/null "http://localhost:8180/realms/lorkit/.well-known/openid-configuration"; then
        echo "$realm_sum" > "$state/realm.sha256"
        echo "Keycloak is up: http://localhost:8180/ (realm lorkit; admin console user admin/admin)"
        exit 0
      fi
      if ! kill -0 "$pid" 2>/dev/null; then
        echo "Keycloak stopped while starting; its log:" >&2; tail -40 "$state/keycloak.log" >&2; exit 1
      fi
      sleep 1
    done
    echo "Keycloak did not start within 3 minutes; see $state/keycloak.log" >&2
    stop "$state"; exit 1
    ;;
  *) echo "usage: keycloak.sh start|stop ..." >&2; exit 2 ;;
esac
