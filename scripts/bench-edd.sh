#!/usr/bin/env bash
# bench-edd.sh — what estimated delivery adds to the sweep on BENCH_SHIPMENTS (default 1,000,000)
# shipments of one seller, 40% of them delivered with a tracking history (sorting, departure,
# import customs, delivered: four events each), the others spread over stages 1–10 (1% of them
# entered their stage 40 days ago, past any window) — against a
# plain `SELECT count(*)` over the same table and the sweep of the portal built from BENCH_BASE
# (default main, where there is no estimated delivery) on a copy of the same database.
#
# Figures (times `portal sweep` reports for the sweep itself):
#   count       best of 3 `SELECT count(*) FROM shipments`
#   sweep 1     the first sweep: builds the history (edd_stats), writes every undelivered
#               shipment's window and raises every exception
#   sweep 2     a steady-state sweep a minute later: history unchanged, windows unchanged
#   rebuild     a sweep after the history was marked stale: reads the deliveries' events again
#               and rewrites the windows that changed (none here)
#   base 1, 2   BENCH_BASE's first and steady-state sweeps of the copy
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d /usr/local/go/bin ] && export PATH="$PATH:/usr/local/go/bin"
n=${BENCH_SHIPMENTS:-1000000}
base=${BENCH_BASE:-main}

go build -o bin/portal ./cmd/portal
basedir=$(mktemp -d)
trap 'git worktree remove --force "$basedir" >/dev/null 2>&1 || true' EXIT
git worktree add -q --detach "$basedir" "$base"
(cd "$basedir" && go build -o "$OLDPWD/bin/portal-base" ./cmd/portal)

server=$(scripts/pg.sh url postgres)
psql -Xq "$server" -c "DROP DATABASE IF EXISTS bench_edd" -c "DROP DATABASE IF EXISTS bench_edd_base" -c "CREATE DATABASE bench_edd"
url="${server%/postgres*}/bench_edd?sslmode=disable"
base_url="${server%/postgres*}/bench_edd_base?sslmode=disable"
DATABASE_URL="$url" bin/portal migrate >/dev/null
DATABASE_URL="$url" bin/portal seller add --shop Bench --email bench@example.com --password bench-password-1 >/dev/null

echo "generating $n shipments and the events of the delivered ones…"
psql -Xq "$url" -v n="$n" <<'SQL'
INSERT INTO shipments (seller_id, order_ref, tracking_number, service, service_key, destination_country, order_value,
                       currency, promised_by, protection_ends_at, stage, stage_entered_at, last_event_at,
                       last_status, last_signal)
SELECT 1, 'B-' || i, 'LP' || lpad(i::text, 14, '0'),
       CASE WHEN i % 7 = 0 THEN 'Cainiao Standard' ELSE 'AliExpress Standard Shipping' END,
       CASE WHEN i % 7 = 0 THEN 'cainiao standard' ELSE 'aliexpress standard shipping' END,
       (ARRAY['US','GB','DE','FR','ES','NL','AU','CA','PL','IT'])[1 + i % 10],
       5 + (i % 100), 'USD',
       CASE WHEN i % 100 = 1 THEN now() - interval '2 days' WHEN i % 3 = 0 THEN now() + interval '20 days' END,
       now() + interval '40 days',
       st, entered, entered, 'bench', 'none'
FROM (
    SELECT i,
           CASE WHEN i % 5 < 2 THEN 11 ELSE 1 + i % 10 END AS st,
           -- delivered over the last 120 days; the others entered their stage up to 3 days ago,
           -- 1% of them 40 days ago (past any window: what edd_missed raises)
           CASE WHEN i % 5 < 2 THEN now() - (i % 2880) * interval '1 hour'
                WHEN i % 100 = 7 THEN now() - interval '40 days'
                ELSE now() - (i % 72) * interval '1 hour' END AS entered
    FROM generate_series(1, :n) AS i
) g;
-- Four events per delivered parcel, with times that vary by route and parcel.
INSERT INTO events (seller_id, shipment_id, occurred_at, status_text, status_norm, stage, signal)
SELECT 1, s.id, s.stage_entered_at - d.before * (1 + (s.id % 17) / 10.0 + (s.id % 10) / 20.0), d.text, lower(d.text), d.stage, 'none'
FROM shipments s
CROSS JOIN (VALUES (3, 'Outbound in sorting center', interval '12 days'),
                   (6, 'Departed from departure country', interval '8 days'),
                   (8, 'Import customs clearance started', interval '3 days'),
                   (11, 'Delivered', interval '0')) AS d (stage, text, before)
WHERE s.seller_id = 1 AND s.stage = 11;
SQL
psql -Xq "$url" -c "VACUUM ANALYZE shipments" -c "VACUUM ANALYZE events"
psql -Xq "$server" -c "CREATE DATABASE bench_edd_base TEMPLATE bench_edd"

best=""
for _ in 1 2 3; do
	ms=$(psql -Xq "$url" -c '\timing on' -c 'SELECT count(*) FROM shipments' | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p')
	if [ -z "$best" ] || awk "BEGIN{exit !($ms < $best)}"; then best=$ms; fi
done
sweep_ms() { "$@" sweep | tee -a /dev/stderr | sed -n 's/^sweep done in \([0-9.ms]*\):.*/\1/p' | awk '{
	d = $1; ms = 0
	if (d ~ /m[0-9]/) { split(d, p, "m"); ms += p[1] * 60000; d = p[2] }
	if (d ~ /ms$/) ms += substr(d, 1, length(d) - 2); else if (d ~ /s$/) ms += substr(d, 1, length(d) - 1) * 1000
	print ms }'; }
export DATABASE_URL="$url"
s1=$(sweep_ms bin/portal)
s2=$(sweep_ms bin/portal)
psql -Xq "$url" -c "DELETE FROM edd_refresh"
s3=$(sweep_ms bin/portal)
windows=$(psql -XqAt "$url" -c "SELECT edd_basis || ' ' || count(*) FROM shipments WHERE stage < 11 GROUP BY edd_basis ORDER BY edd_basis" | tr '\n' ',')
missed=$(psql -XqAt "$url" -c "SELECT count(*) FROM exceptions WHERE kind = 'edd_missed'")
export DATABASE_URL="$base_url"
b1=$(sweep_ms bin/portal-base)
b2=$(sweep_ms bin/portal-base)

echo
echo "PostgreSQL $(psql -XqAt "$url" -c 'SHOW server_version'), $(nproc) cores"
printf '%-30s %12s\n' "shipments" "$n" "windows by basis" "$windows" "edd_missed raised" "$missed"
printf '%-30s %10.1f ms\n' "SELECT count(*) (best of 3)" "$best" "sweep 1 (history, all windows)" "$s1" \
	"sweep 2 (steady state)" "$s2" "sweep 3 (history rebuilt)" "$s3" "$base sweep 1" "$b1" "$base sweep 2" "$b2"
awk -v c="$best" -v a="$s1" -v b="$s2" -v r="$s3" -v x="$b1" -v y="$b2" 'BEGIN {
	printf "%-30s %10.1fx count, %+.1f ms on %s\n", "sweep 1", a / c, a - x, "'"$base"'"
	printf "%-30s %10.1fx count, %+.1f ms on %s\n", "sweep 2", b / c, b - y, "'"$base"'"
	printf "%-30s %10.1fx count, %+.1f ms on %s sweep 2\n", "sweep 3", r / c, r - y, "'"$base"'"
}'
