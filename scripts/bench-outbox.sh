#!/usr/bin/env bash
# bench-outbox.sh — one `portal serve` drains BENCH_MESSAGES (default 100,000) e-mails from the
# outbox to a local SMTP test server (notify/notifytest/smtpsink), while wrk loads the review
# queue; then, in the same run and on the same server with the outbox empty, the queue alone.
#
# It builds bin/portal and bin/smtpsink, recreates the database bench_outbox with one seller,
# BENCH_SHIPMENTS (default 200,000) shipments and BENCH_EXCEPTIONS (default 20,000) unresolved
# exceptions (as bench-queue.sh makes them), holds that seller's sweep lock (so the sweep at start
# leaves the generated exceptions alone), starts smtpsink and `serve` (SMTP_URL on the sink),
# signs in, warms up (3 s of load, unrecorded) and runs wrk on /exceptions (BENCH_THREADS=2,
# BENCH_CONNECTIONS=4: a busy desk rather than a saturating flood, BENCH_DURATION=15s) three
# times: with the outbox empty; right after writing the messages straight into the outbox (buyer
# messages of about 500 characters, as the importer writes them), while serve drains them; and
# once the outbox is empty again. The runs without the drain bracket the one with it, so that a
# shared machine's drift counts on both sides.
#
# Prints: messages per second (from the first to the last sent_at), the drain time, the peak RSS
# of serve (VmHWM), the SMTP sink's count of messages and distinct Message-IDs, the queue's req/s,
# p50 and p99 in each run, and the p99 while draining against the mean p99 without (target: within
# 20%).
set -euo pipefail
me=bench-outbox
cd "$(dirname "$0")/.."
. scripts/common.sh
need_go
msgs=${BENCH_MESSAGES:-100000}
n=${BENCH_SHIPMENTS:-200000}
m=${BENCH_EXCEPTIONS:-20000}
threads=${BENCH_THREADS:-2}
conns=${BENCH_CONNECTIONS:-4}
duration=${BENCH_DURATION:-15s}
email=bench@example.com
password=bench-password-1
command -v wrk >/dev/null || need_debs "the queue's load" wrk
command -v curl >/dev/null || die "curl not found"

go build -o bin/portal ./cmd/portal
go build -o bin/smtpsink ./notify/notifytest/smtpsink
server=$(scripts/pg.sh url postgres)
url="${server%/postgres*}/bench_outbox?sslmode=disable"
export DATABASE_URL="$url"
psql -Xq "$server" -c "DROP DATABASE IF EXISTS bench_outbox" -c "CREATE DATABASE bench_outbox"
bin/portal migrate >/dev/null
bin/portal seller add --shop "Bench Lamps" --email "$email" --password "$password" --name "Bench Owner" >/dev/null

log "generating $n shipments and $m unresolved exceptions…"
psql -Xq -v ON_ERROR_STOP=1 "$url" -v n="$n" -v m="$m" <<'SQL'
INSERT INTO shipments (seller_id, order_ref, tracking_number, service, service_key, destination_country, order_value,
                       currency, promised_by, protection_ends_at, stage, stage_entered_at, last_event_at,
                       last_status, last_signal, customer_name, customer_email)
SELECT 1, 'B-' || i, 'LP' || lpad(i::text, 14, '0'), 'AliExpress Standard Shipping', 'aliexpress standard shipping',
       (ARRAY['US','GB','DE','FR','ES','NL','AU','CA','PL','IT'])[1 + i % 10], 5 + (i % 100), 'USD',
       now() + interval '20 days', now() + interval '40 days',
       1 + i % 11, now() - (i % 36) * interval '1 hour', now() - (i % 36) * interval '1 hour', 'bench',
       'none', 'Customer ' || i, 'customer' || i || '@example.com'
FROM generate_series(1, :n) AS i;

INSERT INTO exceptions (seller_id, shipment_id, kind, state, stage, shipment_stage, signal, severity, opened_at)
SELECT 1, s.id, (ARRAY['stalled','delivery_issue','late','protection_expiring'])[1 + j % 4], 'open',
       s.stage, s.stage, 'none', round(((j * 7919) % 10007)::numeric / 100.07, 2)::double precision,
       now() - ((j * 31) % 720) * interval '1 hour'
FROM generate_series(1, :m) AS j
JOIN shipments s ON s.seller_id = 1 AND s.id = 1 + (j - 1) * (:n / :m);

SQL
psql -Xq "$url" -c "VACUUM ANALYZE"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
sport=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
tmp=$(mktemp -d)
pid="" sinkpid="" lockpid=""
cleanup() {
	for p in $pid $sinkpid $lockpid; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
	rm -rf "$tmp"
}
trap cleanup EXIT

# The generated exceptions are not the sweep's own: hold the seller's sweep lock so that the
# sweep `serve` runs at start skips the seller (as bench-queue.sh does).
coproc LOCK { psql -XqAt -v ON_ERROR_STOP=1 "$url"; }
lockpid=$LOCK_PID
echo "SELECT pg_advisory_lock(hashtextextended('sweep:1', 0)); SELECT 'locked';" >&"${LOCK[1]}"
line=""
while [ "$line" != locked ]; do read -r -t 30 line <&"${LOCK[0]}" || die "could not take the sweep lock"; done

bin/smtpsink --addr "127.0.0.1:$sport" >"$tmp/sink.log" 2>&1 &
sinkpid=$!
for _ in $(seq 1 50); do grep -q listening "$tmp/sink.log" && break; sleep 0.1; done

serve() {
	SWEEP_INTERVAL=24h LOG_LEVEL=warn "$@" bin/portal serve --addr "127.0.0.1:$port" >>"$tmp/serve.log" 2>&1 &
	pid=$!
	for _ in $(seq 1 100); do
		curl -fsS -o /dev/null "$base/healthz" 2>/dev/null && return
		kill -0 "$pid" 2>/dev/null || { cat "$tmp/serve.log" >&2; die "portal serve exited"; }
		sleep 0.1
	done
	die "portal does not answer on $base"
}
log "serve with SMTP_URL=smtp://127.0.0.1:$sport; sign in, warm up, then the queue alone"
serve env SMTP_URL="smtp://127.0.0.1:$sport" MAIL_FROM=desk@bench.test
jar=$tmp/cookies
token=$(curl -fsS -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -n 1)
status=$(curl -sS -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
	--data-urlencode "email=$email" --data-urlencode "password=$password" --data-urlencode "_csrf=$token" "$base/login")
[ "$status" = 303 ] || die "POST /login answered $status, not 303"
cookie="desk_session=$(awk '$6 == "desk_session" { print $7 }' "$jar")"
rows=$(curl -fsS -H "Cookie: $cookie" "$base/exceptions" | grep -c 'data-exception="' || true)
[ "$rows" -gt 0 ] || die "the queue page shows no rows"

to_ms() { awk -v v="$1" 'BEGIN { u = v; sub(/^[0-9.]+/, "", u); x = v + 0
	if (u == "us") x /= 1000; else if (u == "s") x *= 1000; else if (u == "m") x *= 60000; printf "%.2f", x }'; }
pending() { psql -XqAt "$url" -c "SELECT count(*) FROM outbox WHERE status = 'pending'"; }
run_wrk() { wrk -t"$threads" -c"$conns" -d"$duration" --latency -H "Cookie: $cookie" "$base/exceptions" >"$tmp/$1"; }
pct() { to_ms "$(awk -v p="$2" '$1 == p { print $2 }' "$tmp/$1")"; }

wrk -t"$threads" -c"$conns" -d3s -H "Cookie: $cookie" "$base/exceptions" >/dev/null
run_wrk before
log "writing $msgs e-mails to the outbox, then the queue while serve drains them"
start=$(date +%s.%N)
psql -Xq -v ON_ERROR_STOP=1 "$url" -v msgs="$msgs" <<'SQL'
-- Buyer messages as the importer writes them: the departed-origin text, filled.
INSERT INTO outbox (seller_id, idempotency_key, channel, purpose, recipient, subject, body)
SELECT 1, 'bench:' || i, 'email', 'buyer', 'customer' || i || '@example.com', 'An update on your order B-' || i,
       json_build_object('kind', 'buyer', 'from_name', 'Bench Lamps', 'text',
         'Hi Customer, good news: your order B-' || i || ' has left China and is on its way to France. ' ||
         'Long quiet gaps in tracking are normal while parcels are flying and being sorted between countries — ' ||
         'the next update usually comes when it lands. We are watching it for you. ' ||
         'You can follow it with tracking number LP' || lpad(i::text, 14, '0') || '.')::text
FROM generate_series(1, :msgs) AS i;
SQL
run_wrk loaded
left=$(pending)
[ "$left" -gt 0 ] || log "warning: the outbox was empty before wrk ended; the loaded figures include idle time"
while [ "$(pending)" -gt 0 ]; do
	kill -0 "$pid" 2>/dev/null || { cat "$tmp/serve.log" >&2; die "portal serve exited"; }
	sleep 0.5
done
drained=$(date +%s.%N)
hwm=$(awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")
log "drained; the queue alone again, same serve"
run_wrk after
read -r sent failed rate span < <(psql -XqAt -F ' ' "$url" -c "SELECT count(*) FILTER (WHERE status = 'sent'),
	count(*) FILTER (WHERE status = 'failed'),
	round(count(*) FILTER (WHERE status = 'sent') / greatest(extract(epoch FROM max(sent_at) - min(sent_at)), 0.001)),
	round(extract(epoch FROM max(sent_at) - min(sent_at))::numeric, 1) FROM outbox")
kill "$pid"; wait "$pid" 2>/dev/null || true
pid=""
kill "$sinkpid"; wait "$sinkpid" 2>/dev/null || true
sinkpid=""
sink=$(grep '^received' "$tmp/sink.log" || echo "received ? distinct ?")

rps() { awk '/^Requests\/sec:/ { print $2 }' "$tmp/$1"; }
p99b=$(pct before 99%) p99l=$(pct loaded 99%) p99a=$(pct after 99%)
ratio=$(awk -v l="$p99l" -v b="$p99b" -v a="$p99a" 'BEGIN { printf "%.2f", l / ((b + a) / 2) }')
verdict=$(awk -v r="$ratio" 'BEGIN { print (r <= 1.2) ? "met" : "MISSED" }')
echo
echo "PostgreSQL $(psql -XqAt "$url" -c 'SHOW server_version'), $(nproc) cores (load average $(cut -d ' ' -f 1-3 /proc/loadavg) at the end)"
echo "$n shipments, $m unresolved exceptions; $msgs e-mails in the outbox; wrk -t$threads -c$conns -d$duration /exceptions"
printf 'drained %s messages (%s failed) in %.1f s from writing them; %s messages/s between the first and last send (%s s)\n' \
	"$sent" "$failed" "$(awk -v a="$start" -v b="$drained" 'BEGIN { print b - a }')" "$rate" "$span"
echo "peak RSS of serve (VmHWM): $hwm MiB; SMTP sink: $sink"
printf '%-26s %10s %10s %10s\n' "queue page" "req/s" "p50 ms" "p99 ms"
printf '%-26s %10s %10s %10s\n' "before, outbox empty" "$(rps before)" "$(pct before 50%)" "$p99b"
printf '%-26s %10s %10s %10s\n' "while draining ($left left)" "$(rps loaded)" "$(pct loaded 50%)" "$p99l"
printf '%-26s %10s %10s %10s\n' "after, outbox empty" "$(rps after)" "$(pct after 50%)" "$p99a"
echo "p99 while draining / p99 without (mean of before and after): $ratio (target ≤ 1.20: $verdict)"
