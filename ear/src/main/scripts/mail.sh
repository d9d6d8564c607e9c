#!/usr/bin/env bash
# Starts and stops the local mail server (GreenMail) that LorKit and Keycloak send to.
#   mail.sh start GREENMAIL_JAR STATE_DIR     SMTP on 127.0.0.1:2525, IMAP on 3143 (any password), web API on http://localhost:8025/
#   mail.sh stop  STATE_DIR
set -euo pipefail
# shellcheck source=ports.sh
. "$(dirname "$0")/ports.sh"
ports=(2525 3143 8025)
command=${1:?start or stop}
case $command in
  stop)
    state=${2:?STATE_DIR}
    if [ -f "$state/mail.pid" ]; then
      stop_and_wait "$(cat "$state/mail.pid")" "${ports[@]}"
      rm -f "$state/mail.pid"
    fi
    ;;
  start)
    jar=${2:?GREENMAIL_JAR}; state=${3:?STATE_DIR}
    mkdir -p "$state"
    "$0" stop "$state"
    refuse_taken_ports "the mail server" "${ports[@]}"
    nohup java -Xmx128m -Dgreenmail.smtp.port=2525 -Dgreenmail.hostname=127.0.0.1 \
      -Dgreenmail.imap.port=3143 -Dgreenmail.auth.disabled -Dgreenmail.api.port=8025 -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.verbose=false \
      -jar "$jar" > "$state/mail.log" 2>&1 &
    pid=$!
    echo $pid > "$state/mail.pid"
    for _ in $(seq 1 30); do
      # The ports were free before the start, so what answers now is the process just started.
      if ! kill -0 "$pid" 2>/dev/null; then
        echo "The mail server stopped while starting; see $state/mail.log" >&2; exit 1
      fi
      if port_taken 2525 && port_taken 3143 && curl -sf -o /dev/null "http://127.0.0.1:8025/api/service/readiness"; then
        echo "Mail server is up: SMTP 127.0.0.1:2525, mails at http://localhost:8025/"
        exit 0
      fi
      sleep 1
    done
    echo "The mail server did not start; see $state/mail.log" >&2
    "$0" stop "$state" || true
    exit 1
    ;;
  *) echo "usage: mail.sh start|stop ..." >&2; exit 2 ;;
esac
