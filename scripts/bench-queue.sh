#!/usr/bin/env bash
# bench-queue.sh — load benchmark of the review queue (GET /exceptions) under concurrent,
# signed-in traffic, with /healthz in the same run as the floor of the HTTP stack.
#
# It builds bin/portal, recreates the database bench_queue, generates BENCH_SHIPMENTS (default
# 1,000,000) shipments and BENCH_EXCEPTIONS (default 100,000) unresolved exceptions of one seller
# with SQL (kinds, severities and opened_at spread, 10% assigned to the owner), VACUUM ANALYZEs,
# holds seller 1's sweep lock so that the sweep `portal serve` runs at start (and every 24 h) leaves
# the generated exceptions alone, starts `portal serve` on a free loopback port, signs in with curl
# and drives wrk (BENCH_THREADS=2, BENCH_CONNECTIONS=32, BENCH_DURATION=15s, --latency, after
# BENCH_WARMUP=3s of the same load unrecorded: steady state, warm pool) with the session cookie
# against:
#   /healthz                              no session, one ping: the floor
#   /exceptions                           the first queue page
#   /exceptions?kind=stalled&stage=5      a filtered page
#   /exceptions?after_sev=…&after_id=…    a deep keyset page (the cursor of row BENCH_DEEP_ROW,
#                                         default 5,000, in queue order)
# Each endpoint is first checked with curl: 200 and real queue rows, not the login page.
# BENCH_REUSE=1 keeps the database of an earlier run with the same sizes (for A/B runs).
# Then, unless BENCH_IMPORT_ROWS=0, a second shop uploads an order export of BENCH_IMPORT_ROWS rows
# (default 1,000,000, 3% of orders in trouble) through the pages and runs it: the same three queue
# pages of the first shop are measured while it imports ("during"), and the second shop's own
# queue pages the moment that import and the sweep after it are done ("after": exceptions just
# written, as a seller first looks after a big import). During the import the pg CPU figures
# include the import's backend.
# Prints req/s, p50 and p99 per endpoint, the CPU time per request of the portal and of its
# PostgreSQL backends (steadier than latency on a shared machine), and whether p99 < 100 ms (issue
# target: p99 under 100 ms at 32 connections on a 2-core machine). Missing the target prints
# MISSED but still exits 0.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d /usr/local/go/bin ] && export PATH="$PATH:/usr/local/go/bin"
n=${BENCH_SHIPMENTS:-1000000}
m=${BENCH_EXCEPTIONS:-100000}
threads=${BENCH_THREADS:-2}
conns=${BENCH_CONNECTIONS:-32}
duration=${BENCH_DURATION:-15s}
warmup=${BENCH_WARMUP:-3s}
deep=${BENCH_DEEP_ROW:-5000}
target_ms=100
email=bench@example.com
password=bench-password-1
log() { echo "bench-queue: $*" >&2; }
die() { log "$*"; exit 1; }
[ "$m" -le "$n" ] || die "BENCH_EXCEPTIONS ($m) must not exceed BENCH_SHIPMENTS ($n)"

if ! command -v wrk >/dev/null; then
	[ "$(id -u)" = 0 ] || die "wrk not found: install it (Debian: apt-get install wrk)"
	log "installing Debian's wrk package"
	apt-get update -qq >&2
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >&2
fi
command -v curl >/dev/null || die "curl not found"

go build -o bin/portal ./cmd/portal
server=$(scripts/pg.sh url postgres)
url="${server%/postgres*}/bench_queue?sslmode=disable"
export DATABASE_URL="$url"
# BENCH_REUSE=1 keeps a bench_queue database of the same sizes from an earlier run (for A/B runs
# back to back); its migrations are brought up to date.
if [ "${BENCH_REUSE:-}" = 1 ] && [ "$(psql -XqAt "$url" -c "SELECT (SELECT count(*) FROM shipments) || ' ' ||
	(SELECT count(*) FROM exceptions WHERE state <> 'resolved')" 2>/dev/null)" = "$n $m" ]; then
	log "reusing the database bench_queue"
	bin/portal migrate >/dev/null
	psql -Xq "$url" -c "VACUUM ANALYZE"
else
psql -Xq "$server" -c "DROP DATABASE IF EXISTS bench_queue" -c "CREATE DATABASE bench_queue"
bin/portal migrate >/dev/null
bin/portal seller add --shop Bench --email "$email" --password "$password" --name "Bench Owner" >/dev/null

log "generating $n shipments and $m unresolved exceptions…"
psql -Xq -v ON_ERROR_STOP=1 "$url" -v n="$n" -v m="$m" <<'SQL'
INSERT INTO shipments (seller_id, order_ref, tracking_number, service, service_key, destination_country, order_value,
                       currency, promised_by, protection_ends_at, stage, stage_entered_at, last_event_at,
                       last_status, last_signal, customer_name, customer_email)
SELECT 1, 'B-' || i, 'LP' || lpad(i::text, 14, '0'),
       CASE WHEN i % 7 = 0 THEN 'Cainiao Super Economy Global' ELSE 'AliExpress Standard Shipping' END,
       -- the service as tracking.NormalizeService writes it, as the importer stores it
       CASE WHEN i % 7 = 0 THEN 'cainiao super economy global' ELSE 'aliexpress standard shipping' END,
       (ARRAY['US','GB','DE','FR','ES','NL','AU','CA','PL','IT'])[1 + i % 10],
       5 + (i % 100), 'USD',
       now() + interval '20 days', now() + interval '40 days',
       1 + i % 11, now() - (i % 36) * interval '1 hour', now() - (i % 36) * interval '1 hour', 'bench',
       'none', 'Customer ' || i, 'customer' || i || '@example.com'
FROM generate_series(1, :n) AS i;

-- One exception on every (n/m)-th shipment: kinds 40% stalled, 20% each delivery_issue and late,
-- 10% each protection_expiring and not_received; states 80% open, 15% investigating, 5% waiting;
-- 10% assigned to the owner; severity spread over 0–100; opened in the last 30 days.
INSERT INTO exceptions (seller_id, shipment_id, kind, state, stage, shipment_stage, signal, severity, assignee_id,
                        waiting_until, opened_at)
SELECT 1, s.id,
       (ARRAY['stalled','stalled','stalled','stalled','delivery_issue','delivery_issue',
              'late','late','protection_expiring','not_received'])[1 + j % 10],
       CASE WHEN j % 20 = 7 THEN 'waiting' WHEN j % 20 IN (3, 11, 17) THEN 'investigating' ELSE 'open' END,
       s.stage, s.stage, 'none',
       round(((j * 7919) % 10007)::numeric / 100.07, 2)::double precision,
       CASE WHEN j % 10 = 4 THEN (SELECT id FROM users WHERE seller_id = 1 LIMIT 1) END,
       CASE WHEN j % 20 = 7 THEN now() + interval '3 days' END,
       now() - ((j * 31) % 720) * interval '1 hour'
FROM generate_series(1, :m) AS j
JOIN shipments s ON s.seller_id = 1 AND s.id = 1 + (j - 1) * (:n / :m);
SQL
# A table at rest has been vacuumed by autovacuum (visibility map, statistics).
psql -Xq "$url" -c "VACUUM ANALYZE shipments" -c "VACUUM ANALYZE exceptions" -c "VACUUM ANALYZE users"
fi

# The deep page's cursor: the (severity, id) of row $deep in queue order.
read -r dsev did < <(psql -XqAt -F ' ' "$url" -c "SELECT severity, id FROM exceptions
	WHERE seller_id = 1 AND state <> 'resolved' ORDER BY severity DESC, id DESC OFFSET $((deep - 1)) LIMIT 1")
[ -n "${did:-}" ] || die "no row $deep in the queue"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
tmp=$(mktemp -d)
pid=""
lockpid=""
cleanup() {
	if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
	if [ -n "$lockpid" ]; then kill "$lockpid" 2>/dev/null || true; wait "$lockpid" 2>/dev/null || true; fi
	rm -rf "$tmp"
}
trap cleanup EXIT

# `serve` sweeps every seller once at start. The generated exceptions are not the sweep's own
# (their shipments do not show their causes), so that sweep would resolve nine in ten of them as
# recovered while wrk runs, and the queue measured would be a tenth of the size asked for. Hold
# seller 1's sweep lock (the one Store.SweepAll tries) for the whole run: the sweep skips it.
coproc LOCK { psql -XqAt -v ON_ERROR_STOP=1 "$url"; }
lockpid=$LOCK_PID
echo "SELECT pg_advisory_lock(hashtextextended('sweep:1', 0)); SELECT 'locked';" >&"${LOCK[1]}"
line=""
while [ "$line" != locked ]; do read -r -t 30 line <&"${LOCK[0]}" || die "could not take the sweep lock"; done
unresolved() { psql -XqAt "$url" -c "SELECT count(*) FROM exceptions WHERE state <> 'resolved'"; }
[ "$(unresolved)" = "$m" ] || die "$(unresolved) unresolved exceptions, not $m"

SWEEP_INTERVAL=24h LOG_LEVEL=warn bin/portal serve --addr "127.0.0.1:$port" >"$tmp/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
	curl -fsS -o /dev/null "$base/healthz" 2>/dev/null && break
	kill -0 "$pid" 2>/dev/null || { cat "$tmp/serve.log" >&2; die "portal serve exited"; }
	sleep 0.2
done
curl -fsS -o /dev/null "$base/healthz" || { cat "$tmp/serve.log" >&2; die "portal does not answer on $base"; }

# Sign in as a browser does: the login page sets the _csrf cookie and carries the same token.
jar=$tmp/cookies
token=$(curl -fsS -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -n 1)
[ -n "$token" ] || die "no _csrf token on the login page"
status=$(curl -sS -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
	--data-urlencode "email=$email" --data-urlencode "password=$password" --data-urlencode "_csrf=$token" "$base/login")
[ "$status" = 303 ] || die "POST /login answered $status, not 303"
sess=$(awk '$6 == "desk_session" { print $7 }' "$jar")
csrf=$(awk '$6 == "_csrf" { print $7 }' "$jar")
[ -n "$sess" ] || die "no desk_session cookie after signing in"
cookie="desk_session=$sess; _csrf=$csrf"

names=(healthz "queue page 1" "kind=stalled&stage=5" "deep page (row $deep)")
paths=(/healthz /exceptions "/exceptions?kind=stalled&stage=5" "/exceptions?after_sev=$dsev&after_id=$did")

# Check each endpoint first: 200, and queue rows rather than the login page or an empty queue.
for i in "${!paths[@]}"; do
	p=${paths[$i]}
	status=$(curl -sS -o "$tmp/body" -w '%{http_code}' -H "Cookie: $cookie" "$base$p")
	[ "$status" = 200 ] || die "GET $p answered $status"
	if [ "$p" != /healthz ]; then
		rows=$(grep -o 'data-exception="' "$tmp/body" | wc -l)
		grep -q 'name="password"' "$tmp/body" && die "GET $p shows the login page"
		[ "$rows" -gt 0 ] || die "GET $p shows no queue rows"
		log "GET $p: 200, $rows rows, $(wc -c <"$tmp/body") bytes"
	fi
done

# wrk's latency figures come with a unit (us, ms, s): in milliseconds.
to_ms() { awk -v v="$1" 'BEGIN { u = v; sub(/^[0-9.]+/, "", u); x = v + 0
	if (u == "us") x /= 1000; else if (u == "s") x *= 1000; else if (u == "m") x *= 60000; printf "%.2f", x }'; }

# CPU time per request of the portal and of the PostgreSQL backends serving bench_queue, steadier
# than latency on a machine shared with other work. Sampled from /proc (user + system) one second
# into the run and two seconds before its end: the pool opens connections as the load starts and
# loses some when wrk closes its sockets at the end. A backend gone by the second sample (a loaded
# machine delayed it past the end) makes the figures "-" rather than wrong.
tick=$(getconf CLK_TCK)
secs=$(awk -v d="$duration" 'BEGIN { x = d + 0; if (d ~ /m$/) x *= 60; else if (d ~ /h$/) x *= 3600; print x }')
[ "$secs" -ge 5 ] || die "BENCH_DURATION ($duration) must be at least 5s"
# sample prints "pid ticks" for the portal (as pid 0) and each backend of bench_queue (found by
# the process title PostgreSQL gives it: "postgres: … USER bench_queue HOST(PORT) STATE"; the
# lock's backend is one of them, idle), then "now seconds".
sample() {
	echo "0 $(awk '{ print $14 + $15 }' "/proc/$pid/stat")"
	for b in $(pgrep -f "^postgres: .* bench_queue " || true); do
		awk '{ print $1, $14 + $15 }' "/proc/$b/stat" 2>/dev/null || true
	done
	echo "now $(date +%s.%N)"
}
# cpu_per_request prints the portal's and PostgreSQL's CPU milliseconds per request between two
# samples, at rps requests per second.
cpu_per_request() { awk -v rps="$3" -v tick="$tick" '
	FNR == NR { a[$1] = $2; next }
	$1 == "now" { t = $2 - a["now"]; next }
	$1 == 0 { app = $2 - a[0]; next }
	{ db += $2 - ($1 in a ? a[$1] : 0); seen[$1] = 1 }
	END { if (rps + 0 == 0) { print "- -"; exit }
	      for (b in a) if (b != "now" && b != 0 && !(b in seen)) { print "- -"; exit }
	      n = rps * t; printf "%.2f %.2f\n", app * 1000 / tick / n, db * 1000 / tick / n }' "$1" "$2"; }

results=()
# run_wrk PHASE COOKIE NAME PATH: one wrk run of PATH signed in with COOKIE; appends a result line.
run_wrk() {
	local phase=$1 ck=$2 name=$3 p=$4 out rps p50 p99 bad errs appcpu dbcpu ok note
	log "$phase: wrk -t$threads -c$conns -d$duration $p (after $warmup unrecorded)"
	wrk -t"$threads" -c"$conns" -d"$warmup" -H "Cookie: $ck" "$base$p" >/dev/null
	wrk -t"$threads" -c"$conns" -d"$duration" --latency -H "Cookie: $ck" "$base$p" >"$tmp/wrk.out" &
	wrkpid=$!
	sleep 1
	sample >"$tmp/cpu0"
	sleep $((secs - 3))
	sample >"$tmp/cpu1"
	wait "$wrkpid"
	out=$(<"$tmp/wrk.out")
	rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
	p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
	p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
	bad=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' <<<"$out")
	errs=$(awk '/Socket errors:/ { print $0 }' <<<"$out" | sed 's/^ *Socket errors: //')
	appcpu=- dbcpu=-
	read -r appcpu dbcpu < <(cpu_per_request "$tmp/cpu0" "$tmp/cpu1" "$rps") || true
	ok=$(awk -v x="$p99" -v t="$target_ms" 'BEGIN { print (x < t) ? "met" : "MISSED" }')
	note=""
	[ -n "$bad" ] && note="$bad non-2xx!"
	[ -n "$errs" ] && note="$note socket errors: $errs"
	results+=("$(printf '%-9s %-28s %10s %10s %10s %10s %10s  %-7s %s' "$phase" "$name" "$rps" "$p50" "$p99" "$appcpu" "$dbcpu" "$ok" "$note")")
}

load_before=$(cut -d ' ' -f 1-3 /proc/loadavg)
for i in "${!paths[@]}"; do
	run_wrk settled "$cookie" "${names[$i]}" "${paths[$i]}"
done

# During and straight after an import: a second shop uploads an order export of
# BENCH_IMPORT_ROWS rows (default 1,000,000; 3% of orders in trouble) through the pages and runs
# it; the first shop's queue is measured while it runs, then the second shop's own queue the
# moment the import and the sweep after it are done (its exceptions just written).
import_rows=${BENCH_IMPORT_ROWS:-1000000}
if [ "$import_rows" -gt 0 ]; then
	email2=bench2@example.com
	bin/portal seller add --shop "Bench Two" --email "$email2" --password "$password" --name "Bench Two" >/dev/null
	sid2=$(psql -XqAt "$url" -c "SELECT seller_id FROM users WHERE email = '$email2'")
	jar2=$tmp/cookies2
	token=$(curl -fsS -c "$jar2" -b "$jar2" "$base/login" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -n 1)
	status=$(curl -sS -o /dev/null -w '%{http_code}' -c "$jar2" -b "$jar2" \
		--data-urlencode "email=$email2" --data-urlencode "password=$password" --data-urlencode "_csrf=$token" "$base/login")
	[ "$status" = 303 ] || die "POST /login as $email2 answered $status"
	cookie2="desk_session=$(awk '$6 == "desk_session" { print $7 }' "$jar2"); _csrf=$(awk '$6 == "_csrf" { print $7 }' "$jar2")"
	log "generating an order export of $import_rows rows…"
	bin/portal demo-csv --orders "$import_rows" --latest-only --trouble 3 >"$tmp/import.csv"
	token=$(curl -fsS -b "$jar2" "$base/imports" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -n 1)
	log "uploading it ($(du -m "$tmp/import.csv" | cut -f1) MB)…"
	loc=$(curl -sS -o /dev/null -w '%{redirect_url}' -b "$jar2" -F "file=@$tmp/import.csv;type=text/csv" \
		"$base/imports?_csrf=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$token")")
	ipath=${loc#"$base"}
	[[ $ipath =~ ^/imports/[0-9]+$ ]] || die "upload did not lead to an import page: $loc"
	# The mapping form as the preview fills it.
	curl -fsS -b "$jar2" "$base$ipath" >"$tmp/preview.html"
	cat >"$tmp/form.py" <<'PY'
import re, sys, urllib.parse
html = open(sys.argv[1], encoding="utf-8").read()
f = {"timezone": "Asia/Shanghai", "date_order": "unknown"}
for m in re.finditer(r'<select id="(map_[a-z_]+)"[^>]*>(.*?)</select>', html, re.S):
    v = re.search(r'<option value="(\d+)" selected>', m.group(2))
    if v:
        f[m.group(1)] = v.group(1)
f["_csrf"] = re.search(r'name="_csrf" value="([^"]+)"', html).group(1)
print(urllib.parse.urlencode(f))
PY
	form=$(python3 "$tmp/form.py" "$tmp/preview.html")
	status=$(curl -sS -o /dev/null -w '%{http_code}' -b "$jar2" --data "$form" "$base$ipath/run")
	[ "$status" = 303 ] || die "POST $ipath/run answered $status"
	import_start=$(date +%s.%N)
	istatus() { psql -XqAt "$url" -c "SELECT status FROM imports WHERE id = ${ipath#/imports/}"; }
	while [ "$(istatus)" = queued ]; do sleep 0.2; done
	for i in "${!paths[@]}"; do
		[ "$(istatus)" = running ] || { log "the import ended before ${names[$i]}: longer BENCH_IMPORT_ROWS"; break; }
		run_wrk during "$cookie" "${names[$i]}" "${paths[$i]}"
	done
	while [ "$(istatus)" = running ]; do sleep 0.2; done
	[ "$(istatus)" = done ] || die "the import ended $(istatus)"
	# The sweep after the import: done when it has analysed the exceptions it raised.
	for _ in $(seq 1 1200); do
		[ "$(psql -XqAt "$url" -c "SELECT coalesce((SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'exceptions')
			> (SELECT finished_at FROM imports WHERE id = ${ipath#/imports/}), false)")" = t ] && break
		sleep 0.1
	done
	import_s=$(awk -v a="$import_start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.0f", b - a }')
	m2=$(psql -XqAt "$url" -c "SELECT count(*) FROM exceptions WHERE seller_id = $sid2 AND state <> 'resolved'")
	read -r dsev2 did2 < <(psql -XqAt -F ' ' "$url" -c "SELECT severity, id FROM exceptions
		WHERE seller_id = $sid2 AND state IN ('open', 'investigating') ORDER BY severity DESC, id DESC OFFSET $((m2 / 2)) LIMIT 1")
	names2=("queue page 1" "kind=stalled&stage=5" "deep page (row $((m2 / 2)))")
	paths2=(/exceptions "/exceptions?kind=stalled&stage=5" "/exceptions?after_sev=$dsev2&after_id=$did2")
	for i in "${!paths2[@]}"; do
		run_wrk after "$cookie2" "${names2[$i]}" "${paths2[$i]}"
	done
fi

echo
echo "PostgreSQL $(psql -XqAt "$url" -c 'SHOW server_version'), $(nproc) cores (load average $load_before before, $(cut -d ' ' -f 1-3 /proc/loadavg) after); wrk -t$threads -c$conns -d$duration after $warmup warm-up"
echo "settings: $(psql -XqAt "$url" -c "SELECT string_agg(name || '=' || current_setting(name), ', ' ORDER BY name) FROM pg_settings WHERE name IN ('shared_buffers', 'work_mem', 'max_connections', 'max_wal_size', 'synchronous_commit', 'jit', 'random_page_cost', 'effective_cache_size')")"
echo "$n shipments, $(psql -XqAt "$url" -c "SELECT count(*) FROM exceptions WHERE state <> 'resolved'") unresolved exceptions; deep cursor after_sev=$dsev after_id=$did"
echo "portal CPU and pg CPU: CPU milliseconds per request of the portal and of its PostgreSQL backends"
if [ "$import_rows" -gt 0 ]; then
	echo "during: shop 1's queue while shop 2's order export of $import_rows rows imports in the same portal"
	echo "after: shop 2's queue right after that import and the sweep after it ($m2 unresolved exceptions; import, sweep and ANALYZE took ${import_s} s from run)"
fi
printf '%-9s %-28s %10s %10s %10s %10s %10s  %s\n' phase endpoint req/s "p50 ms" "p99 ms" "portal CPU" "pg CPU" "p99 < ${target_ms} ms"
printf '%s\n' "${results[@]}"
