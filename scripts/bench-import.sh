#!/usr/bin/env bash
# bench-import.sh — how far `portal import` is from what PostgreSQL itself needs to load the same
# CSV, and how much memory the importer takes (`make bench-import`).
#
# For each size in BENCH_ROWS (default "100000 1000000") it generates a realistic export with
# `bin/portal demo-csv --rows N` (generation is timed and printed, but is not part of either
# measurement), then measures, each on a FRESH database (dropped and recreated, migrated with
# `portal migrate` and given the seller bench@example.com before the clock starts):
#
#   importer  `bin/portal import --seller bench@example.com FILE` under /usr/bin/time -v: wall time
#             and "Maximum resident set size" (peak RSS of the portal process; the PostgreSQL
#             server's memory is not in it).
#   floor     one psql session, one transaction, like the importer's: a TEMP table `staging` with
#             the file's 18 columns all as text (a temp table, ON COMMIT DROP, as the importer's
#             staging is; not an UNLOGGED table), `\copy staging FROM FILE (FORMAT csv, HEADER)`,
#             then ONE merge:
#               INSERT INTO shipments (seller_id, order_ref, <the 14 order facts>)
#               SELECT DISTINCT ON (order_ref) ... FROM staging ORDER BY order_ref
#               ON CONFLICT (seller_id, order_ref) DO UPDATE SET <the facts> = EXCLUDED.<...>
#             Why this merge: an import cannot do less than upsert one shipment per order. The
#             events of a file cannot be inserted on their own, because events.shipment_id
#             references shipments (seller_id, id): the shipments must exist first. So the floor
#             is COPY + the shipments upsert; it does NOT insert the events, tracking numbers or
#             derived stage that a real import also writes, which the importer's time includes.
#
# Both are timed with the same clock: `date +%s.%N` just before and after the command, so each
# includes its process start and connection. A CHECKPOINT runs before each timed command, so it
# does not pay for the previous one's dirty pages. It prints a table of rows, file size (MB =
# 10^6 bytes), importer seconds, floor seconds, their ratio, the importer's peak RSS (MB), and the
# targets of the issue: ratio <= 1.5, peak RSS < 150 MB, and the RSS of each larger size within
# ~10% of the smallest size's. "~10%": the importer's RSS is about 22 MB, of which Go's garbage
# collector alone moves 2-3 MB from run to run, so a difference of up to 5 MB also counts as flat
# (memory that grows with rows grows by far more between 100k and 1M rows); the table shows both
# the percentage and the MB. It exits 0 when a target is MISSED (it measures); non-zero only when
# something could not be measured (the import failed, PostgreSQL is unreachable, ...).
#
# Environment:
#   BENCH_ROWS="100000 1000000"  sizes in rows, smallest first (e.g. "20000 100000" for a quick run)
#   BENCH_REPEAT=1               measure each size this many times; the table shows the fastest
#                                time of each side and the largest RSS
#   BENCH_KEEP_DB=               set to 1 to keep the database bench_import of the last run
#   BENCH_TMPDIR=                where the temporary directory goes (default: $TMPDIR or /tmp)
# PostgreSQL comes from scripts/pg.sh (a server on 127.0.0.1:5432 with trust authentication, or a
# cluster of its own that it starts). Runs as root on a fresh Debian machine: installs Debian's
# `time` package when /usr/bin/time is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d /usr/local/go/bin ] && export PATH="$PATH:/usr/local/go/bin"
log() { echo "bench-import: $*" >&2; }
die() { log "$*"; exit 1; }
command -v go >/dev/null || die "Go is not installed (https://go.dev/dl/)"

read -r -a sizes <<<"${BENCH_ROWS:-100000 1000000}"
[ "${#sizes[@]}" -gt 0 ] || die "BENCH_ROWS is empty"
for n in "${sizes[@]}"; do
	[[ $n =~ ^[1-9][0-9]*$ ]] || die "BENCH_ROWS: not a row count: $n"
done
repeat=${BENCH_REPEAT:-1}
[[ $repeat =~ ^[1-9][0-9]*$ ]] || die "BENCH_REPEAT: not a positive number: $repeat"

if [ ! -x /usr/bin/time ]; then
	[ "$(id -u)" = 0 ] || die "/usr/bin/time is missing: install Debian's time package"
	log "installing Debian's time package"
	apt-get update -qq >&2
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >&2
fi

mkdir -p bin
go build -o bin/portal ./cmd/portal

db=bench_import
url=$(scripts/pg.sh url "$db")
admin_url=${url/\/$db\?/\/postgres?}
[ "$admin_url" != "$url" ] || die "unexpected URL from pg.sh: $url"
# psql as pg.sh picks it: the newest server's, else the one on PATH.
pgbin=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
if [ -x "$pgbin/psql" ]; then psql=$pgbin/psql; else psql=$(command -v psql) || die "psql not found"; fi
email=bench@example.com

tmp=$(mktemp -d "${BENCH_TMPDIR:-${TMPDIR:-/tmp}}/bench-import.XXXXXX")
cleanup() {
	rm -rf "$tmp"
	if [ -z "${BENCH_KEEP_DB:-}" ]; then
		"$psql" "$admin_url" -Xqc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
	fi
}
trap cleanup EXIT

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

# fresh_db: drop and recreate the bench database, migrate it and create the seller, so that a
# measurement starts from empty tables with nothing left to migrate; then a checkpoint.
fresh_db() {
	"$psql" "$admin_url" -Xq -v ON_ERROR_STOP=1 \
		-c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db" >/dev/null
	DATABASE_URL=$url bin/portal migrate >/dev/null 2>"$tmp/setup.log" || { cat "$tmp/setup.log" >&2; die "portal migrate failed"; }
	DATABASE_URL=$url bin/portal seller add --shop Bench --email "$email" --password bench-password-1 \
		>/dev/null 2>"$tmp/setup.log" || { cat "$tmp/setup.log" >&2; die "portal seller add failed"; }
	"$psql" "$url" -Xqc CHECKPOINT >/dev/null
}

# floor_sql FILE SELLER_ID: the floor's one transaction. Times without an offset are read in the
# seller's zone, as the importer reads them.
floor_sql() {
	local file=${1//\'/\'\'} seller=$2 facts
	facts="tracking_number, carrier, service, last_mile_tracking_number, last_mile_carrier, destination_country,
	order_date, customer_name, customer_email, product, order_value, currency, promised_by, protection_ends_at"
	cat <<-SQL
	BEGIN;
	SET LOCAL timezone = 'Asia/Shanghai';
	CREATE TEMP TABLE staging (
		order_ref text, tracking_number text, carrier text, service text, last_mile_tracking_number text,
		last_mile_carrier text, status text, status_at text, location text, destination_country text,
		order_date text, customer_name text, customer_email text, product text, order_value text,
		currency text, promised_by text, protection_ends_at text
	) ON COMMIT DROP;
	\\copy staging FROM '$file' WITH (FORMAT csv, HEADER true)
	INSERT INTO shipments AS s (seller_id, order_ref, $facts)
	SELECT DISTINCT ON (order_ref) $seller, order_ref,
		coalesce(tracking_number, ''), coalesce(carrier, ''), coalesce(service, ''),
		coalesce(last_mile_tracking_number, ''), coalesce(last_mile_carrier, ''), coalesce(destination_country, ''),
		order_date::timestamptz, coalesce(customer_name, ''), coalesce(customer_email, ''), coalesce(product, ''),
		order_value::numeric, coalesce(currency, ''), promised_by::timestamptz, protection_ends_at::timestamptz
	FROM staging WHERE order_ref IS NOT NULL
	ORDER BY order_ref
	ON CONFLICT (seller_id, order_ref) DO UPDATE SET
		tracking_number = EXCLUDED.tracking_number, carrier = EXCLUDED.carrier, service = EXCLUDED.service,
		last_mile_tracking_number = EXCLUDED.last_mile_tracking_number, last_mile_carrier = EXCLUDED.last_mile_carrier,
		destination_country = EXCLUDED.destination_country, order_date = EXCLUDED.order_date,
		customer_name = EXCLUDED.customer_name, customer_email = EXCLUDED.customer_email, product = EXCLUDED.product,
		order_value = EXCLUDED.order_value, currency = EXCLUDED.currency, promised_by = EXCLUDED.promised_by,
		protection_ends_at = EXCLUDED.protection_ends_at, updated_at = now();
	COMMIT;
	SQL
}

# measure_import FILE: sets imp_s, imp_kb and imp_summary.
measure_import() {
	local file=$1 t0 t1
	fresh_db
	t0=$(now)
	if ! DATABASE_URL=$url /usr/bin/time -v -o "$tmp/time.txt" \
		bin/portal import --seller "$email" "$file" >"$tmp/import.out" 2>"$tmp/import.err"; then
		cat "$tmp/import.out" "$tmp/import.err" "$tmp/time.txt" >&2 || true
		die "portal import failed on $file"
	fi
	t1=$(now)
	imp_s=$(elapsed "$t0" "$t1")
	imp_kb=$(awk -F': *' '/Maximum resident set size/ { print $2 }' "$tmp/time.txt")
	[ -n "$imp_kb" ] || die "no peak RSS in the output of /usr/bin/time"
	imp_summary=$(cat "$tmp/import.out")
}

# measure_floor FILE: sets floor_s and floor_shipments.
measure_floor() {
	local file=$1 seller t0 t1
	fresh_db
	seller=$("$psql" "$url" -XtAc "SELECT id FROM sellers WHERE shop_name = 'Bench'")
	floor_sql "$file" "$seller" >"$tmp/floor.sql"
	t0=$(now)
	"$psql" "$url" -Xq -v ON_ERROR_STOP=1 -f "$tmp/floor.sql" >/dev/null
	t1=$(now)
	floor_s=$(elapsed "$t0" "$t1")
	floor_shipments=$("$psql" "$url" -XtAc "SELECT count(*) FROM shipments")
}

min() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b + 0 < a + 0) ? b : a }'; }
max() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b + 0 > a + 0) ? b : a }'; }

echo "PostgreSQL: $("$psql" "$url" -XtAc 'SELECT version()')"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo) memory, $(uname -m)"
echo "floor: psql, one transaction: \\copy into a TEMP staging table (all text) + one INSERT INTO shipments ... SELECT DISTINCT ON (order_ref) ... ON CONFLICT (seller_id, order_ref) DO UPDATE"
echo

declare -A mb imp flo rss
for n in "${sizes[@]}"; do
	file=$tmp/bench-$n.csv
	t0=$(now)
	bin/portal demo-csv --rows "$n" >"$file"
	t1=$(now)
	mb[$n]=$(awk -v b="$(stat -c %s "$file")" 'BEGIN { printf "%.1f", b / 1e6 }')
	echo "generated $n rows: ${mb[$n]} MB in $(elapsed "$t0" "$t1") s (not measured)"
	for ((i = 1; i <= repeat; i++)); do
		measure_import "$file"
		echo "  importer run $i: ${imp_s} s, peak RSS $(awk -v k="$imp_kb" 'BEGIN { printf "%.1f", k * 1024 / 1e6 }') MB — $imp_summary"
		measure_floor "$file"
		echo "  floor    run $i: ${floor_s} s ($floor_shipments shipments)"
		imp[$n]=$(min "${imp[$n]:-}" "$imp_s")
		flo[$n]=$(min "${flo[$n]:-}" "$floor_s")
		rss[$n]=$(max "${rss[$n]:-}" "$(awk -v k="$imp_kb" 'BEGIN { printf "%.1f", k * 1024 / 1e6 }')")
	done
	rm -f "$file"
done

first=${sizes[0]}
echo
printf '%9s %8s %10s %9s %7s %8s   %-16s %-14s %s\n' rows "file MB" "import s" "floor s" ratio "RSS MB" "ratio <= 1.5" "RSS < 150 MB" "RSS flat vs ${first} rows (10% or 5 MB)"
for n in "${sizes[@]}"; do
	awk -v n="$n" -v mb="${mb[$n]}" -v imp="${imp[$n]}" -v flo="${flo[$n]}" -v rss="${rss[$n]}" -v rss0="${rss[$first]}" -v first="$first" '
		function verdict(ok) { return ok ? "ok" : "MISSED" }
		BEGIN {
			ratio = flo > 0 ? imp / flo : 0
			growth = rss0 > 0 ? (rss - rss0) / rss0 * 100 : 0
			flat = n == first ? "(baseline)" : sprintf("%s (%+.0f%%, %+.1f MB)", verdict(growth <= 10 || rss - rss0 <= 5), growth, rss - rss0)
			printf "%9d %8.1f %10.2f %9.2f %7.2f %8.1f   %-16s %-14s %s\n", n, mb, imp, flo, ratio, rss,
				sprintf("%s (%.2f)", verdict(ratio <= 1.5), ratio), verdict(rss < 150), flat
		}'
done
