#!/usr/bin/env bash
# pg.sh url [DBNAME] — find or start a PostgreSQL server for development and tests, make sure the
# database DBNAME (default: portal) exists, and print its connection URL on stdout.
# pg.sh stop — stop the cluster of the portal's own, which keeps running after `make run` or
# `make test` ends (the next run finds it running).
#
# A server already answering on 127.0.0.1:5432 with trust authentication for the user postgres is
# used as it is. One that asks for a password (Debian's own cluster does over TCP) is passed over
# without waiting at a prompt. Otherwise the script runs a cluster of its own on 127.0.0.1:54329
# with the machine's PostgreSQL server binaries, installing Debian's postgresql package first when
# they are missing and the script runs as root (checking 5432 needs only psql, from Debian's
# postgresql-client when the server is not wanted). PostgreSQL refuses to run as root, so as root
# the cluster belongs to the postgres user and lives in /var/lib/postgresql/portal-dev; otherwise
# in .data/pg. Set PORTAL_PG_OWN=1 to skip the shared server, PORTAL_PG_PORT / PORTAL_PG_DATA to
# move the own one.
set -euo pipefail
me=pg.sh
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

root=$(cd "$(dirname "$0")/.." && pwd)
cmd=${1:-}
db=${2:-portal}
[ "$cmd" = url ] || [ "$cmd" = stop ] || die "usage: scripts/pg.sh url [DBNAME] | scripts/pg.sh stop"
[[ $db =~ ^[a-z_][a-z0-9_]*$ ]] || die "bad database name: $db"
export PSQL_PAGER=cat PAGER=cat

host=127.0.0.1
own_port=${PORTAL_PG_PORT:-54329}
[[ $own_port =~ ^[0-9]+$ ]] || die "PORTAL_PG_PORT must be a port number, not $own_port"
if [ "$(id -u)" = 0 ]; then
	data=${PORTAL_PG_DATA:-/var/lib/postgresql/portal-dev}
	as=(runuser -u postgres --)
else
	data=${PORTAL_PG_DATA:-$root/.data/pg}
	as=()
fi

# pgbin prints the directory of the newest PostgreSQL server binaries, or nothing when there are
# none. (It once piped `ls -d /usr/lib/postgresql/*/bin`, which fails when there are none, and
# under pipefail ended the script without a word before it could install them.)
pgbin() {
	local d found=""
	for d in /usr/lib/postgresql/*/bin; do
		if [ -x "$d/pg_ctl" ]; then found+="$d"$'\n'; fi
	done
	printf '%s' "$found" | sort -V | tail -n 1
}
bin=$(pgbin)

# own_running reports whether the own cluster is running.
own_running() {
	[ -n "$bin" ] && [ -s "$data/PG_VERSION" ] && { [ ${#as[@]} = 0 ] || id postgres >/dev/null 2>&1; } &&
		"${as[@]}" "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1
}

if [ "$cmd" = stop ]; then
	if ! own_running; then
		log "no cluster of the portal's own is running in $data"
		exit 0
	fi
	"${as[@]}" "$bin/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null
	log "stopped the PostgreSQL cluster in $data"
	exit 0
fi

psql=""
find_psql() {
	if [ -n "$bin" ] && [ -x "$bin/psql" ]; then psql=$bin/psql; else psql=$(command -v psql || true); fi
}
# listening HOST PORT: something accepts TCP connections there (no psql needed to tell).
listening() { timeout 3 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$1" "$2" 2>/dev/null; }
# answers HOST PORT: a server there lets the user postgres in without a password. -w: never
# prompt for one (a server that wants one is not ours to use); never wait long for an answer.
answers() {
	PGCONNECT_TIMEOUT=5 "$psql" -w -X -tA "postgresql://postgres@$1:$2/postgres?sslmode=disable" \
		-c 'SELECT 1' >/dev/null 2>&1
}

find_psql
port=""
if [ -z "${PORTAL_PG_OWN:-}" ] && listening "$host" 5432; then
	if [ -z "$psql" ]; then
		need_debs "checking the PostgreSQL server on $host:5432 (psql)" postgresql-client
		find_psql
		[ -n "$psql" ] || die "postgresql-client is installed, but there is no psql on PATH"
	fi
	if answers "$host" 5432; then
		port=5432
	else
		log "the server on $host:5432 does not let the user postgres in without a password: using a cluster of the portal's own on $host:$own_port"
	fi
fi

if [ -z "$port" ]; then
	port=$own_port
	if [ -z "$bin" ]; then
		need_debs "a PostgreSQL cluster of the portal's own (DATABASE_URL or TEST_DATABASE_URL name another server)" postgresql
		bin=$(pgbin)
		[ -n "$bin" ] || die "postgresql is installed, but there are no server binaries in /usr/lib/postgresql/*/bin: reinstall it (apt-get install --reinstall postgresql-\$VERSION)"
		find_psql
	fi
	if [ "$(id -u)" = 0 ]; then
		id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
		mkdir -p "$data"
		chown postgres:postgres "$data"
	else
		mkdir -p "$data"
	fi
	chmod 700 "$data"
	if [ ! -s "$data/PG_VERSION" ]; then
		log "creating a PostgreSQL cluster in $data"
		"${as[@]}" "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null ||
			die "initdb failed in $data (see above)"
	fi
	if own_running; then
		running_port=$(sed -n 4p "$data/postmaster.pid" 2>/dev/null || true)
		[ "$running_port" = "$port" ] ||
			die "the portal's own PostgreSQL in $data runs on port $running_port, not $port: stop it (scripts/pg.sh stop) or set PORTAL_PG_PORT=$running_port"
	else
		listening "$host" "$port" &&
			die "port $port on $host is taken by another program: set PORTAL_PG_PORT to a free port"
		log "starting PostgreSQL on $host:$port (log: $data/server.log; it keeps running: scripts/pg.sh stop stops it)"
		"${as[@]}" "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
			-o "-p $port -c listen_addresses=$host -k $data -c max_connections=300" start >/dev/null ||
			die "PostgreSQL in $data did not start; see $data/server.log"
	fi
	answers "$host" "$port" || die "PostgreSQL in $data does not answer on $host:$port; see $data/server.log"
fi

base="postgresql://postgres@$host:$port"
q() { PGCONNECT_TIMEOUT=5 "$psql" -w -X -v ON_ERROR_STOP=1 "$base/postgres?sslmode=disable" "$@"; }
if [ -z "$(q -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
	q -qc "CREATE DATABASE $db" >&2 || die "could not create the database $db on $host:$port (see above)"
fi
echo "$base/$db?sslmode=disable"
