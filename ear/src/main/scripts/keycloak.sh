#!/usr/bin/env bash
# Starts and stops the Keycloak that LorKit logs in with (dev mode, port 8180, realm "lorkit").
#   keycloak.sh start   KEYCLOAK_HOME STATE_DIR REALM_FILE [--demo DEMO_DIR] [--fresh]
#   keycloak.sh stop    STATE_DIR
#   keycloak.sh prepare IMPORT_DIR REALM_FILE [--demo DEMO_DIR]   (only writes the files start imports)
# STATE_DIR holds Keycloak's database, its log and pid. The realm file (the production one, without
# logins) is imported into a fresh database, with DEMO_DIR's demo logins and organizations when given;
# when any of these files changes, the database is made afresh so the change takes effect (Keycloak's
# --import-realm skips a realm that already exists).
set -euo pipefail
# shellcheck source=ports.sh
. "$(dirname "$0")/ports.sh"
ports=(8180 9180)
command=${1:?start, stop or prepare}

stop() {
  local state=$1
  if [ -f "$state/keycloak.pid" ]; then
    stop_and_wait "$(cat "$state/keycloak.pid")" "${ports[@]}"
    rm -f "$state/keycloak.pid"
  fi
}

# prepare_import IMPORT_DIR REALM_FILE DEMO_DIR: the realm as lorkit-realm.json, with DEMO_DIR's demo (if
# not empty). Keycloak imports a realm's users from lorkit-users-N.json next to it (its export format), yet
# organizations only as part of the realm (after its users), so the demo's are added to the realm object:
# both files are JSON objects with different keys, so the realm's closing brace and the organizations'
# opening one give way to a comma.
prepare_import() {
  local import=$1 realm=$2 demo=$3 realm_json organizations_json
  rm -rf "$import"
  mkdir -p "$import"
  if [ -n "$demo" ]; then
    cp "$demo"/lorkit-users-*.json "$import/"
    realm_json=$(<"$realm")
    organizations_json=$(<"$demo/lorkit-organizations.json")
    printf '%s,\n%s\n' "${realm_json%\}*}" "${organizations_json#*\{}" > "$import/lorkit-realm.json"
  else
    cp "$realm" "$import/lorkit-realm.json"
  fi
}

case $command in
  stop)
    stop "${2:?STATE_DIR}"
    ;;
  prepare)
    import=${2:?IMPORT_DIR}; realm=${3:?REALM_FILE}; demo=""
    if [ "${4:-}" = "--demo" ]; then demo=${5:?DEMO_DIR}; fi
    prepare_import "$import" "$realm" "$demo"
    ;;
  start)
    home=${2:?KEYCLOAK_HOME}; state=${3:?STATE_DIR}; realm=${4:?REALM_FILE}; demo=""; fresh=false
    shift 4
    while [ $# -gt 0 ]; do
      case $1 in
        --demo) demo=${2:?DEMO_DIR}; shift ;;
        --fresh) fresh=true ;;
        *) echo "keycloak.sh start: unknown option $1" >&2; exit 2 ;;
      esac
      shift
    done
    mkdir -p "$state"
    stop "$state"
    # start --import-realm reads the realms in KEYCLOAK_HOME/data/import.
    prepare_import "$home/data/import" "$realm" "$demo"
    realm_sum=$(cat "$home/data/import"/*.json | sha256sum | cut -d' ' -f1)
    if $fresh || [ "$(cat "$state/realm.sha256" 2>/dev/null)" != "$realm_sum" ]; then
      rm -rf "$state/db"
    fi
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
      if curl -sf -o /dev/null "http://127.0.0.1:8180/realms/lorkit/.well-known/openid-configuration"; then
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
  *) echo "usage: keycloak.sh start|stop|prepare ..." >&2; exit 2 ;;
esac
