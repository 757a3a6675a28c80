#!/usr/bin/env bash
# run.sh — build and serve the portal. With DATABASE_URL set it uses that database and nothing
# else; without it, it finds or starts a local PostgreSQL (scripts/pg.sh), creates the demo shop
# and prints its login.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d /usr/local/go/bin ] && export PATH="$PATH:/usr/local/go/bin"
command -v go >/dev/null || { echo "run.sh: Go is not installed (https://go.dev/dl/)" >&2; exit 1; }

demo=()
if [ -z "${DATABASE_URL:-}" ]; then
	DATABASE_URL=$(scripts/pg.sh url portal)
	export DATABASE_URL
	demo=(--demo)
fi
mkdir -p bin
go build -o bin/portal ./cmd/portal
exec bin/portal serve "${demo[@]}" "$@"
