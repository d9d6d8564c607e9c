#!/bin/bash
# Runs once, when the postgres service of docker/compose.yaml starts on an empty volume: one database and
# one owner per application, so LorKit and Keycloak share neither tables nor credentials, and neither logs
# in as the superuser. The passwords come from docker/.env; changing them there later does not change
# these roles (ALTER ROLE ... PASSWORD does).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v lorkit_password="$LORKIT_DB_PASSWORD" -v keycloak_password="$KEYCLOAK_DB_PASSWORD" <<'SQL'
CREATE ROLE lorkit LOGIN PASSWORD :'lorkit_password';
CREATE DATABASE lorkit OWNER lorkit;
CREATE ROLE keycloak LOGIN PASSWORD :'keycloak_password';
CREATE DATABASE keycloak OWNER keycloak;
SQL
