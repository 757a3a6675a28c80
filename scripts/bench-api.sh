#!/usr/bin/env bash
# bench-api.sh — events posted to the JSON API against `portal import` of the same events as a
# CSV file, measured in the same run (issue 16's load check).
#
# It generates a tracking export (`bin/portal demo-csv --rows N`), turns it into the API's events
# (scripts/benchapi convert: the canonical event columns, times in RFC 3339 with their offset), and
# measures, each on a FRESH database (dropped, recreated, migrated, with the seller
# bench@example.com, before the clock starts):
#
#   import  `bin/portal import --seller bench@example.com EVENTS.csv` under /usr/bin/time -v:
#           wall time (the load and the sweep after it) and the command's peak RSS.
#   api     `bin/portal serve` under /usr/bin/time -v, and scripts/benchapi post: the same events
#           in batches of BENCH_BATCH from BENCH_CLIENTS clients at once to POST /api/v1/events
#           (each batch an import of its own with its sweep, as the API runs it): wall time from
#           the first request to the last answer, events/s, p50 and p99 seconds per batch, and the
#           peak RSS of serve over the whole run (VmHWM from /proc, read before it stops).
#
# It prints both and the ratio api/import (the issue's target: within 1.5x). It exits non-zero
# only when something could not be measured.
#
# Environment:
#   BENCH_EVENTS=100000   events (rows of the generated file)
#   BENCH_BATCH=5000      events per request
#   BENCH_CLIENTS=8       clients posting at once
#   BENCH_TROUBLE=3       percent of orders in trouble in the generated file (demo-csv --trouble)
#   BENCH_PORT=18181      where serve listens (127.0.0.1)
#   BENCH_DB=bench_api    the database each side runs on (dropped and recreated)
#   BENCH_LOG=            a file to keep serve's log in (LOG_LEVEL=debug logs each import step)
set -euo pipefail
cd "$(dirname "$0")/.."
me=bench-api
. scripts/common.sh
need_go
need_debs "bench-api (peak RSS)" time

n=${BENCH_EVENTS:-100000}
batch=${BENCH_BATCH:-5000}
clients=${BENCH_CLIENTS:-8}
trouble=${BENCH_TROUBLE:-3}
port=${BENCH_PORT:-18181}
for v in "$n" "$batch" "$clients" "$port"; do
	[[ $v =~ ^[1-9][0-9]*$ ]] || die "not a positive number: $v"
done

mkdir -p bin
go build -o bin/portal ./cmd/portal
go build -o bin/benchapi ./scripts/benchapi

db=${BENCH_DB:-bench_api}
url=$(scripts/pg.sh url "$db")
admin_url=${url/\/$db\?/\/postgres?}
[ "$admin_url" != "$url" ] || die "unexpected URL from pg.sh: $url"
pgbin=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
if [ -x "$pgbin/psql" ]; then psql=$pgbin/psql; else psql=$(command -v psql) || die "psql not found"; fi
email=bench@example.com

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-api.XXXXXX")
serve_pid=
cleanup() {
	[ -z "${BENCH_LOG:-}" ] || cp "$tmp/serve.log" "$BENCH_LOG" 2>/dev/null || true
	if [ -n "$serve_pid" ]; then kill "$serve_pid" 2>/dev/null || true; wait "$serve_pid" 2>/dev/null || true; fi
	rm -rf "$tmp"
	"$psql" "$admin_url" -Xqc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
}
trap cleanup EXIT

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k * 1024 / 1e6 }'; }

fresh_db() {
	"$psql" "$admin_url" -Xq -v ON_ERROR_STOP=1 \
		-c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db" >/dev/null
	DATABASE_URL=$url bin/portal migrate >/dev/null 2>"$tmp/setup.log" || { cat "$tmp/setup.log" >&2; die "portal migrate failed"; }
	DATABASE_URL=$url bin/portal seller add --shop Bench --email "$email" --password bench-password-1 \
		>/dev/null 2>"$tmp/setup.log" || { cat "$tmp/setup.log" >&2; die "portal seller add failed"; }
	"$psql" "$url" -Xqc CHECKPOINT >/dev/null
}

bin/portal demo-csv --rows "$n" --trouble "$trouble" >"$tmp/demo.csv"
bin/benchapi convert "$tmp/demo.csv" "$tmp/events.csv"
events=$(($(wc -l <"$tmp/events.csv") - 1))
log "$events events of $n generated rows"

# import: the same events as a file.
fresh_db
t0=$(now)
DATABASE_URL=$url /usr/bin/time -v -o "$tmp/import.time" bin/portal import --seller "$email" "$tmp/events.csv" \
	>"$tmp/import.out" 2>"$tmp/import.err" || { cat "$tmp/import.out" "$tmp/import.err" >&2; die "portal import failed"; }
t1=$(now)
imp_s=$(elapsed "$t0" "$t1")
imp_rss=$(awk -F': *' '/Maximum resident set size/ { print $2 }' "$tmp/import.time")
imp_events=$("$psql" "$url" -XtAc "SELECT count(*) FROM events")
echo "import: $imp_s s, $(awk -v e="$events" -v s="$imp_s" 'BEGIN { printf "%.0f", e / s }') events/s, peak RSS $(mb "$imp_rss") MB, $imp_events events stored — $(cat "$tmp/import.out")"

# api: the same events posted to serve. The token is written straight into the database (its
# SHA-256), as the settings page would keep it.
fresh_db
token=pd_bench$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
"$psql" "$url" -Xq -v ON_ERROR_STOP=1 -c "INSERT INTO api_tokens (seller_id, name, prefix, token_hash)
	SELECT id, 'bench', 'pd_bench', sha256(convert_to('$token', 'UTF8')) FROM sellers WHERE shop_name = 'Bench'" >/dev/null
DATABASE_URL=$url ADDR=127.0.0.1:$port bin/portal serve >"$tmp/serve.log" 2>&1 &
serve_pid=$!
for _ in $(seq 1 100); do
	curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
	sleep 0.1
done
curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null || { cat "$tmp/serve.log" >&2; die "serve did not start"; }
api_line=$(bin/benchapi post -url "http://127.0.0.1:$port" -token "$token" -clients "$clients" -batch "$batch" "$tmp/events.csv") ||
	{ tail -n 20 "$tmp/serve.log" >&2; die "posting the events failed"; }
# The kernel's high-water mark of serve's resident memory, read before it stops.
api_rss=$(awk '/^VmHWM:/ { print $2 }' "/proc/$serve_pid/status")
kill -TERM "$serve_pid"
wait "$serve_pid" || true
serve_pid=
api_events=$("$psql" "$url" -XtAc "SELECT count(*) FROM events")
api_s=$(sed -n 's/.* seconds=\([0-9.]*\) .*/\1/p' <<<"$api_line")
echo "api:    $api_line peak_rss_mb=$(mb "$api_rss") events_stored=$api_events"
[ "$api_events" = "$imp_events" ] || log "WARNING: the API stored $api_events events, the import $imp_events"
awk -v a="$api_s" -v i="$imp_s" 'BEGIN { r = a / i; printf "ratio api/import: %.2f (target <= 1.5: %s)\n", r, r <= 1.5 ? "ok" : "MISSED" }'
