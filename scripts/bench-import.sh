#!/usr/bin/env bash
# bench-import.sh — how far `portal import` is from what PostgreSQL itself needs to load the same
# CSV, and how much memory the importer takes (`make bench-import`).
#
# Two shapes of file, as DESIGN's "one row is one order with one status event" allows:
#   tracking  a tracking export: a row per event, about 12 events per order
#             (`bin/portal demo-csv --rows N`; 1,000,000 rows are about 85,000 orders)
#   orders    an order export: one row per order, its latest event
#             (`bin/portal demo-csv --orders N --latest-only`; 1,000,000 rows are 1,000,000 orders)
# For each shape in BENCH_SHAPES and each size in BENCH_ROWS it generates the file (timed and
# printed, but not part of any measurement), then measures, each on a FRESH database (dropped and
# recreated, migrated with `portal migrate` and given the seller bench@example.com before the
# clock starts):
#
#   importer  `bin/portal import --seller bench@example.com FILE` under /usr/bin/time -v: wall time
#             and "Maximum resident set size" (peak RSS of the portal process; the PostgreSQL
#             server's memory is not in it). It includes what the command does after the merge:
#             the sweep of the seller, which raises the exceptions of the new shipments. The
#             command's summary gives the load (parse, COPY, merge, commit) and the sweep apart;
#             "import" below is the wall time less the sweep, "sweep" the sweep's own.
#   exc       the sweep's baseline: the exception rows the importer's sweep wrote (exceptions and
#             their history, one row each), copied aside, the two tables emptied, a CHECKPOINT,
#             then written back by one psql transaction of plain INSERT ... SELECT. What the sweep
#             must write, without deciding what.
#   floor     the issue's baseline: one psql session, one transaction, like the importer's: a TEMP
#             table `staging` with the file's 18 columns all as text (a temp table, ON COMMIT DROP,
#             as the importer's staging is; not an UNLOGGED table), `\copy staging FROM FILE
#             (FORMAT csv, HEADER)`, then ONE merge:
#               INSERT INTO shipments (seller_id, order_ref, <the 14 order facts>)
#               SELECT DISTINCT ON (order_ref) ... FROM staging ORDER BY order_ref
#               ON CONFLICT (seller_id, order_ref) DO UPDATE SET <the facts> = EXCLUDED.<...>
#             It does NOT write the events, tracking numbers or derived stage that an import also
#             writes, which the importer's time includes.
#   writes    the floor, then, in the same transaction, plain INSERTs of what any importer must
#             also store in this schema: every row's event (into events, with its indexes and
#             foreign key; in shipment order, the cheapest) and every first- and last-mile
#             tracking number of the file, once per order. No classification, no time parsing
#             beyond a cast, no numbers from event text, no check for events already stored, no
#             stage, no sweep. A lower bound of an import into this schema: how far the importer
#             is from writing its rows.
#
# All are timed with the same clock: `date +%s.%N` just before and after the command, so each
# includes its process start and connection. A CHECKPOINT runs before each timed command, so it
# does not pay for the previous one's dirty pages. It prints a table of shape, rows, file size
# (MB = 10^6 bytes), importer seconds, floor seconds, their ratio, writes seconds and the
# importer's ratio to it, the importer's peak RSS (MB), and the targets of the issue: ratio to
# the floor <= 1.5, peak RSS < 150 MB, and the RSS of each larger size within ~10% of the
# smallest size's (of the same shape). "~10%": the importer's RSS is about 25 MB, of which Go's
# garbage collector alone moves 2-3 MB from run to run, so a difference of up to 5 MB also counts
# as flat (memory that grows with rows grows by far more between 100k and 1M rows); the table
# shows both the percentage and the MB. It exits 0 when a target is MISSED (it measures);
# non-zero only when something could not be measured (the import failed, PostgreSQL is
# unreachable, ...).
#
# Environment:
#   BENCH_SHAPES="tracking orders"  which shapes of file, in this order
#   BENCH_ROWS="100000 1000000"  sizes in rows, smallest first (e.g. "20000 100000" for a quick run)
#   BENCH_TROUBLE=3              percent of orders in trouble in the generated files (`demo-csv
#                                --trouble`: most parcels within their stage's threshold, a few
#                                past it or with a delivery problem); 0 for the demo's heavy mix
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

read -r -a shapes <<<"${BENCH_SHAPES:-tracking orders}"
[ "${#shapes[@]}" -gt 0 ] || die "BENCH_SHAPES is empty"
for shape in "${shapes[@]}"; do
	[[ $shape == tracking || $shape == orders ]] || die "BENCH_SHAPES: not a shape (tracking, orders): $shape"
done
read -r -a sizes <<<"${BENCH_ROWS:-100000 1000000}"
[ "${#sizes[@]}" -gt 0 ] || die "BENCH_ROWS is empty"
for n in "${sizes[@]}"; do
	[[ $n =~ ^[1-9][0-9]*$ ]] || die "BENCH_ROWS: not a row count: $n"
done
repeat=${BENCH_REPEAT:-1}
trouble=${BENCH_TROUBLE:-3}
[[ $trouble =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "BENCH_TROUBLE: not a percentage: $trouble"
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

# floor_sql FILE SELLER_ID [writes]: the floor's one transaction, or with "writes" the writes
# baseline's. Times without an offset are read in the seller's zone, as the importer reads them.
floor_sql() {
	local file=${1//\'/\'\'} seller=$2 writes=${3:-} facts
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
	SQL
	if [ "$writes" = writes ]; then
		cat <<-SQL
		INSERT INTO events (seller_id, shipment_id, occurred_at, status_text, status_norm, location, stage)
		SELECT $seller, s.id, st.status_at::timestamptz, st.status, st.status, coalesce(st.location, ''), 1
		FROM staging st JOIN shipments s ON s.seller_id = $seller AND s.order_ref = st.order_ref
		WHERE st.status IS NOT NULL
		ORDER BY s.id;
		INSERT INTO tracking_numbers (seller_id, number, shipment_id, source)
		SELECT DISTINCT ON (s.id, n.number) $seller, n.number, s.id, n.source
		FROM staging st JOIN shipments s ON s.seller_id = $seller AND s.order_ref = st.order_ref
		CROSS JOIN LATERAL (VALUES (st.tracking_number, 'first_mile', 1),
			(st.last_mile_tracking_number, 'last_mile', 2)) AS n (number, source, rank)
		WHERE n.number <> ''
		ORDER BY s.id, n.number, n.rank;
		SQL
	fi
	echo 'COMMIT;'
}

# measure_import FILE: sets imp_s, imp_kb, imp_summary, and from the summary load_s, sweep_s and
# raised; then measures the exception writes of that sweep (exc_s).
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
	load_s="" raised="" sweep_s=""
	read -r load_s raised sweep_s < <(sed -n 's/.*loaded in \([0-9.]*\) s, then the sweep raised \([0-9]*\) and resolved [0-9]* exceptions in \([0-9.]*\) s.*/\1 \2 \3/p' <<<"$imp_summary") || true
	[ -n "${sweep_s:-}" ] || die "no load and sweep times in the summary: $imp_summary"
	measure_exc_writes
}

# measure_exc_writes: sets exc_s, the time of writing the exception rows the importer's sweep
# wrote, plainly.
measure_exc_writes() {
	local t0 t1 cols hcols
	cols="seller_id, id, shipment_id, kind, state, resolution, stage, shipment_stage, signal, due_at, severity, opened_at"
	hcols="seller_id, exception_id, at, action, detail"
	"$psql" "$url" -Xq -v ON_ERROR_STOP=1 \
		-c "SET client_min_messages = warning" -c "CREATE TABLE bench_exceptions AS SELECT $cols FROM exceptions" \
		-c "CREATE TABLE bench_history AS SELECT $hcols FROM exception_history" \
		-c "TRUNCATE exceptions, exception_history CASCADE" -c CHECKPOINT >/dev/null
	t0=$(now)
	"$psql" "$url" -Xq -v ON_ERROR_STOP=1 -c "BEGIN" \
		-c "INSERT INTO exceptions ($cols) SELECT $cols FROM bench_exceptions" \
		-c "INSERT INTO exception_history ($hcols) SELECT $hcols FROM bench_history" -c "COMMIT" >/dev/null
	t1=$(now)
	exc_s=$(elapsed "$t0" "$t1")
}

# measure_floor FILE [writes]: sets floor_s and floor_shipments.
measure_floor() {
	local file=$1 seller t0 t1
	fresh_db
	seller=$("$psql" "$url" -XtAc "SELECT id FROM sellers WHERE shop_name = 'Bench'")
	floor_sql "$file" "$seller" "${2:-}" >"$tmp/floor.sql"
	t0=$(now)
	"$psql" "$url" -Xq -v ON_ERROR_STOP=1 -f "$tmp/floor.sql" >/dev/null
	t1=$(now)
	floor_s=$(elapsed "$t0" "$t1")
	floor_shipments=$("$psql" "$url" -XtAc "SELECT count(*) FROM shipments")
}

min() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b + 0 < a + 0) ? b : a }'; }
max() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b + 0 > a + 0) ? b : a }'; }

echo "PostgreSQL: $("$psql" "$url" -XtAc 'SELECT version()')"
echo "settings: $("$psql" "$url" -XtAc "SELECT string_agg(name || '=' || current_setting(name), ', ' ORDER BY name) FROM pg_settings WHERE name IN ('shared_buffers', 'max_wal_size', 'synchronous_commit', 'full_page_writes', 'wal_compression')")"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo) memory, $(uname -m)"
echo "floor: psql, one transaction: \\copy into a TEMP staging table (all text) + one INSERT INTO shipments ... SELECT DISTINCT ON (order_ref) ... ON CONFLICT (seller_id, order_ref) DO UPDATE"
echo "writes: the floor + INSERT INTO events (a row per row) + INSERT INTO tracking_numbers, plain, in the same transaction"
echo "exc: INSERT INTO exceptions ... SELECT + INSERT INTO exception_history ... SELECT of the rows the importer's sweep wrote, plain, one transaction"
echo "generated files: ${trouble}% of orders in trouble (demo-csv --trouble $trouble; 0 is the demo's heavy mix)"
echo

declare -A mb imp flo wri rss lod swe exc rai
for shape in "${shapes[@]}"; do
	for n in "${sizes[@]}"; do
		k=$shape-$n
		file=$tmp/bench-$k.csv
		t0=$(now)
		if [ "$shape" = orders ]; then
			bin/portal demo-csv --orders "$n" --latest-only --trouble "$trouble" >"$file"
		else
			bin/portal demo-csv --rows "$n" --trouble "$trouble" >"$file"
		fi
		t1=$(now)
		mb[$k]=$(awk -v b="$(stat -c %s "$file")" 'BEGIN { printf "%.1f", b / 1e6 }')
		echo "generated $shape file of $n rows: ${mb[$k]} MB in $(elapsed "$t0" "$t1") s (not measured)"
		for ((i = 1; i <= repeat; i++)); do
			measure_import "$file"
			echo "  importer run $i: ${imp_s} s, peak RSS $(awk -v k="$imp_kb" 'BEGIN { printf "%.1f", k * 1024 / 1e6 }') MB — $imp_summary"
			echo "  exc      run $i: ${exc_s} s ($raised exceptions and their history rows)"
			# The importer without its sweep: the fastest of the runs, with the sweep and the
			# exception writes of that same run.
			if [ -z "${imp[$k]:-}" ] || awk -v a="$imp_s" -v s="$sweep_s" -v b="${imp[$k]}" 'BEGIN { exit !(a - s < b) }'; then
				imp[$k]=$(awk -v a="$imp_s" -v s="$sweep_s" 'BEGIN { printf "%.2f", a - s }')
				lod[$k]=$load_s
				swe[$k]=$sweep_s
				rai[$k]=$raised
			fi
			exc[$k]=$(min "${exc[$k]:-}" "$exc_s")
			rss[$k]=$(max "${rss[$k]:-}" "$(awk -v k="$imp_kb" 'BEGIN { printf "%.1f", k * 1024 / 1e6 }')")
			measure_floor "$file"
			echo "  floor    run $i: ${floor_s} s ($floor_shipments shipments)"
			flo[$k]=$(min "${flo[$k]:-}" "$floor_s")
			measure_floor "$file" writes
			echo "  writes   run $i: ${floor_s} s"
			wri[$k]=$(min "${wri[$k]:-}" "$floor_s")
		done
		rm -f "$file"
	done
done

first=${sizes[0]}
echo
echo "import s: portal import's wall time less its sweep (process start, load: parse, COPY, merge, commit); sweep s: the sweep after it"
printf '%-8s %9s %8s %9s %8s %9s %7s %8s %8s %7s %7s %7s   %-15s %-12s %s\n' shape rows "file MB" "import s" "floor s" "writes s" "/writes" \
	exceptions "sweep s" "exc s" "/exc" "RSS MB" "/writes <= 1.3" "RSS < 150" "RSS flat vs ${first} rows (10% or 5 MB)"
for shape in "${shapes[@]}"; do
	for n in "${sizes[@]}"; do
		k=$shape-$n
		awk -v shape="$shape" -v n="$n" -v mb="${mb[$k]}" -v imp="${imp[$k]}" -v flo="${flo[$k]}" -v wri="${wri[$k]}" \
			-v swe="${swe[$k]}" -v exc="${exc[$k]}" -v rai="${rai[$k]}" \
			-v rss="${rss[$k]}" -v rss0="${rss[$shape-$first]}" -v first="$first" '
			function verdict(ok) { return ok ? "ok" : "MISSED" }
			BEGIN {
				wratio = wri > 0 ? imp / wri : 0
				eratio = exc > 0 ? swe / exc : 0
				growth = rss0 > 0 ? (rss - rss0) / rss0 * 100 : 0
				flat = n == first ? "(baseline)" : sprintf("%s (%+.0f%%, %+.1f MB)", verdict(growth <= 10 || rss - rss0 <= 5), growth, rss - rss0)
				printf "%-8s %9d %8.1f %9.2f %8.2f %9.2f %7.2f %8d %8.2f %7.2f %7.2f %7.1f   %-15s %-12s %s\n", shape, n, mb, imp, flo, wri, wratio,
					rai, swe, exc, eratio, rss, sprintf("%s (%.2f)", verdict(wratio <= 1.3), wratio), verdict(rss < 150), flat
			}'
	done
done
