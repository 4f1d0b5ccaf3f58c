#!/bin/bash
# First start: initdb with the superuser password from POSTGRES_PASSWORD (or POSTGRES_PASSWORD_FILE), password
# logins from anywhere (scram-sha-256), and the databases named in POSTGRES_DATABASES (space or comma separated).
# Later starts: just PostgreSQL. Extra arguments go to postgres (e.g. -c max_connections=200).
set -euo pipefail
: "${PGDATA:?}"
if [ -n "${POSTGRES_PASSWORD_FILE:-}" ]; then POSTGRES_PASSWORD=$(cat "$POSTGRES_PASSWORD_FILE"); fi
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  : "${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD (or POSTGRES_PASSWORD_FILE) for the first start}"
  mkdir -p "$PGDATA" && chmod 700 "$PGDATA"
  pwfile=$(mktemp)
  printf '%s' "$POSTGRES_PASSWORD" >"$pwfile"
  initdb -D "$PGDATA" -U postgres --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$pwfile"
  {
    echo "listen_addresses = '*'"
    echo "max_connections = ${POSTGRES_MAX_CONNECTIONS:-200}"
    echo "shared_buffers = ${POSTGRES_SHARED_BUFFERS:-128MB}"
    echo "unix_socket_directories = '/var/run/postgresql'"
  } >>"$PGDATA/postgresql.conf"
  echo "host all all 0.0.0.0/0 scram-sha-256" >>"$PGDATA/pg_hba.conf"
  echo "host all all ::/0 scram-sha-256" >>"$PGDATA/pg_hba.conf"
  for db in ${POSTGRES_DATABASES//,/ }; do
    echo "CREATE DATABASE \"$db\";" | postgres --single -D "$PGDATA" -j postgres >/dev/null
    echo "postgres-entrypoint: created database $db"
  done
fi
exec postgres -D "$PGDATA" "$@"
