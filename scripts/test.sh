#!/usr/bin/env bash
# test.sh — run every test against a real PostgreSQL and a real headless Chromium, installing
# Chromium and the fonts the pages are laid out with (Debian's packages) when they are missing and
# the script runs as root. Tests create their own databases on the server named by
# TEST_DATABASE_URL, or on the one scripts/pg.sh finds or starts. Extra arguments go to `go test`.
set -euo pipefail
me=test.sh
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"
cd "$(dirname "$0")/.."
need_go
[ -s /etc/ssl/certs/ca-certificates.crt ] || need_debs "downloading Go modules over HTTPS" ca-certificates

if [ -z "${TEST_DATABASE_URL:-}" ]; then
	TEST_DATABASE_URL=$(scripts/pg.sh url postgres)
	export TEST_DATABASE_URL
fi
# The browser tests need Chromium, and fonts: with fonts-liberation alone Chromium draws sans-serif
# text in a monospace face, and a page that fits with DejaVu Sans overflows the window.
browser=(fonts-liberation fonts-dejavu-core)
command -v chromium >/dev/null || command -v chromium-browser >/dev/null || browser=(chromium "${browser[@]}")
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
	need_debs "the browser tests" "${browser[@]}"
elif ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null; then
	log "Chromium is not installed; the browser tests will be skipped (as root this script installs it; or: apt-get install ${browser[*]})"
elif command -v dpkg-query >/dev/null && [ -n "$(debs_missing "${browser[@]}")" ]; then
	log "fonts missing for the browser tests, which may fail without them: apt-get install ${browser[*]} (as root)"
fi
# The browser package runs for about eight minutes on a quiet 2-CPU machine; go test's default
# limit of ten minutes per package cut it off on a loaded one.
go test -count=1 -timeout 30m "$@" ./...
# model.bin must be what training gives on any machine, also one without FMA (math.Exp's assembly
# differs there; model.go's clsExp does not).
GODEBUG=cpu.fma=off go test -count=1 -run '^TestModelUpToDate$' ./domain/tracking
