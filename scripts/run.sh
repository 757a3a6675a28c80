#!/usr/bin/env bash
# run.sh — build and serve the portal. With DATABASE_URL set it uses that database and nothing
# else; without it, it finds or starts a local PostgreSQL (scripts/pg.sh), creates the demo shop
# and prints its login. Extra arguments go to `portal serve`.
set -euo pipefail
me=run.sh
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"
cd "$(dirname "$0")/.."
need_go
# Go fetches the modules over HTTPS on a machine that has none of them yet.
[ -s /etc/ssl/certs/ca-certificates.crt ] || need_debs "downloading Go modules over HTTPS" ca-certificates

demo=()
if [ -z "${DATABASE_URL:-}" ]; then
	DATABASE_URL=$(scripts/pg.sh url portal)
	export DATABASE_URL
	demo=(--demo)
fi
mkdir -p bin
go build -o bin/portal ./cmd/portal || die "go build failed (see above)"
exec bin/portal serve "${demo[@]}" "$@"
