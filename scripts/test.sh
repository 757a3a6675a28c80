#!/usr/bin/env bash
# test.sh — run every test against a real PostgreSQL and a real headless Chromium, installing
# Chromium (Debian's package) when it is missing and the script runs as root. Tests create their
# own databases on the server named by TEST_DATABASE_URL, or on the one scripts/pg.sh finds or
# starts. Extra arguments go to `go test`.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d /usr/local/go/bin ] && export PATH="$PATH:/usr/local/go/bin"
command -v go >/dev/null || { echo "test.sh: Go is not installed (https://go.dev/dl/)" >&2; exit 1; }

if [ -z "${TEST_DATABASE_URL:-}" ]; then
	TEST_DATABASE_URL=$(scripts/pg.sh url postgres)
	export TEST_DATABASE_URL
fi
if ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null; then
	if [ "$(id -u)" = 0 ]; then
		echo "test.sh: installing Debian's chromium for the browser tests" >&2
		apt-get update -qq >&2
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-liberation >&2
	else
		echo "test.sh: Chromium is not installed; the browser tests will be skipped" >&2
	fi
fi
go test -count=1 "$@" ./...
