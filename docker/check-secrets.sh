#!/bin/sh
# The one-shot service check-secrets of docker/compose.yaml: PostgreSQL, Keycloak and LorKit's nodes start
# only once it has passed. It refuses every secret named as an argument that is empty, still the example
# value of docker/.env.example (change-me-...) or a development default of ./run.sh (README, "Production
# deployment"), with one line per secret, so that no database and no realm is ever made with a known
# password. LorKit checks its own secrets once more when it starts (ProductionSecrets).
status=0
for name in "$@"; do
  value=$(printenv "$name" || true)
  # Compared in lower case, as LorKit's own check does (Change-Me-… is the example value too).
  case $(printf '%s' "$value" | tr 'A-Z' 'a-z') in
    "") fault="is empty" ;;
    change-me*) fault="is still the example value of docker/.env.example" ;;
    sa|admin|lorkit-dev-secret|lorkit-admin-dev-secret|lorkit-bounce-dev-secret) fault="is a development default" ;;
    *) continue ;;
  esac
  echo "The stack refuses to start: $name $fault; set a real secret in docker/.env (README, Production deployment)" >&2
  status=1
done
exit $status
