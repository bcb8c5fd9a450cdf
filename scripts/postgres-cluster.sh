#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests, on 127.0.0.1 only.
#   source scripts/postgres-cluster.sh && pg_cluster_start   # sets ATLAS_TEST_POSTGRES
#   pg_cluster_stop                                          # stops it and deletes its files
# Installs PostgreSQL 15 from Debian's packages when no server binaries are found.

pg_cluster_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

pg_cluster_install() {
  if [ -n "$(pg_cluster_bin)" ] && [ -x "$(pg_cluster_bin)/initdb" ]; then
    return 0
  fi
  echo "postgres-cluster: installing postgresql-15 (the PostgreSQL store tests need a server)"
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null; }; then
    echo "error: PostgreSQL is missing and could not be installed with apt-get; the PostgreSQL store tests need it." >&2
    return 1
  fi
}

# Runs a server binary as the cluster's owner: initdb and postgres refuse to run as root.
pg_cluster_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg_cluster_start() {
  pg_cluster_install || return 1
  local bin port
  bin=$(pg_cluster_bin)
  PG_CLUSTER_DIR=$(mktemp -d /tmp/atlas-pg.XXXXXX)
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$PG_CLUSTER_DIR"
  fi
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  pg_cluster_as_owner "$bin/initdb" -D "$PG_CLUSTER_DIR/data" -U atlas -A trust -E UTF8 --locale=C.UTF-8 >"$PG_CLUSTER_DIR/initdb.log" 2>&1 \
    || { cat "$PG_CLUSTER_DIR/initdb.log" >&2; return 1; }
  # fsync off: a test cluster is thrown away, and durability costs the tests minutes.
  pg_cluster_as_owner "$bin/pg_ctl" -D "$PG_CLUSTER_DIR/data" -l "$PG_CLUSTER_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_CLUSTER_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { cat "$PG_CLUSTER_DIR/server.log" >&2; return 1; }
  export PG_CLUSTER_DIR
  export ATLAS_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=atlas;Database=postgres"
  echo "postgres-cluster: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($PG_CLUSTER_DIR)"
}

pg_cluster_stop() {
  if [ -n "${PG_CLUSTER_DIR:-}" ] && [ -d "$PG_CLUSTER_DIR" ]; then
    pg_cluster_as_owner "$(pg_cluster_bin)/pg_ctl" -D "$PG_CLUSTER_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_CLUSTER_DIR"
  fi
}
