#!/usr/bin/env bash
# pg.sh url [DBNAME] — find or start a PostgreSQL server for development and tests, make sure the
# database DBNAME (default: portal) exists, and print its connection URL on stdout.
#
# A server already answering on 127.0.0.1:5432 with trust authentication for the user postgres is
# used as it is. Otherwise the script runs a cluster of its own on 127.0.0.1:54329 with the
# machine's PostgreSQL server binaries, installing Debian's postgresql package first when they are
# missing and the script runs as root. PostgreSQL refuses to run as root, so as root the cluster
# belongs to the postgres user and lives in /var/lib/postgresql/portal-dev; otherwise in .data/pg.
# Set PORTAL_PG_OWN=1 to skip the shared server, PORTAL_PG_PORT / PORTAL_PG_DATA to move the own one.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
db=${2:-portal}
log() { echo "pg.sh: $*" >&2; }
die() { log "$*"; exit 1; }
[ "${1:-}" = url ] || die "usage: scripts/pg.sh url [DBNAME]"
[[ $db =~ ^[a-z_][a-z0-9_]*$ ]] || die "bad database name: $db"

pgbin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
bin=$(pgbin)
psql_bin() { if [ -n "$bin" ] && [ -x "$bin/psql" ]; then echo "$bin/psql"; else command -v psql || true; fi; }
answers() { # answers HOST PORT: a server there lets postgres in without a password
	local psql; psql=$(psql_bin)
	[ -n "$psql" ] && PGCONNECT_TIMEOUT=3 "$psql" "postgresql://postgres@$1:$2/postgres?sslmode=disable" -XtAc 'SELECT 1' >/dev/null 2>&1
}

host=127.0.0.1
port=5432
if [ -n "${PORTAL_PG_OWN:-}" ] || ! answers "$host" "$port"; then
	port=${PORTAL_PG_PORT:-54329}
	if [ -z "$bin" ]; then
		[ "$(id -u)" = 0 ] || die "PostgreSQL server binaries not found: install PostgreSQL (Debian: apt-get install postgresql) or set DATABASE_URL"
		log "installing Debian's postgresql package"
		apt-get update -qq >&2
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
		bin=$(pgbin)
		[ -n "$bin" ] || die "postgresql installed, but no server binaries under /usr/lib/postgresql"
	fi
	if [ "$(id -u)" = 0 ]; then
		id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
		data=${PORTAL_PG_DATA:-/var/lib/postgresql/portal-dev}
		mkdir -p "$data"
		chown postgres:postgres "$data"
		chmod 700 "$data"
		as=(runuser -u postgres --)
	else
		data=${PORTAL_PG_DATA:-$root/.data/pg}
		mkdir -p "$data"
		chmod 700 "$data"
		as=()
	fi
	if [ ! -s "$data/PG_VERSION" ]; then
		log "creating a PostgreSQL cluster in $data"
		"${as[@]}" "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null
	fi
	if ! "${as[@]}" "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
		log "starting PostgreSQL on $host:$port (log: $data/server.log)"
		"${as[@]}" "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
			-o "-p $port -c listen_addresses=$host -k $data -c max_connections=300" start >/dev/null
	fi
	answers "$host" "$port" || die "PostgreSQL in $data does not answer on $host:$port; see $data/server.log"
fi

psql=$(psql_bin)
base="postgresql://postgres@$host:$port"
if [ -z "$("$psql" "$base/postgres?sslmode=disable" -XtAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
	"$psql" "$base/postgres?sslmode=disable" -Xqc "CREATE DATABASE $db" >&2
fi
echo "$base/$db?sslmode=disable"
