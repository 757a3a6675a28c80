# The README's two commands are `make run` and `make test`; the rest serve them and CI.
.PHONY: run test build generate check lint fmt vet bench-import bench-sweep bench-queue bench-outbox bench-api heldout-replay

run: ## serve the portal (local PostgreSQL and demo shop when DATABASE_URL is unset)
	scripts/run.sh

test: ## every test: real PostgreSQL, real headless Chromium
	scripts/test.sh

build:
	go build -o bin/portal ./cmd/portal

bench-import: ## importer vs psql \copy + one merge (and + the plain writes), tracking and order exports of 100k and 1M rows; BENCH_ROWS="20000 100000" for a quick run
	scripts/bench-import.sh

generate: ## regenerate the templ views and the classifier's suggestion model (both committed)
	go tool templ generate
	go generate ./domain/tracking

fmt:
	@files=$$(git ls-files '*.go') && [ -n "$$files" ] || { echo "fmt: git lists no Go files (is git installed, and is this a clone?)"; exit 1; }; gofmt -w $$files

vet:
	go vet ./...

check: ## what CI checks before the tests: formatting of every Go file git lists, vet, generated code up to date
	scripts/check.sh

lint: ## staticcheck and gosec at pinned versions (installed into .cache/tools on first use)
	scripts/lint.sh

bench-sweep: ## time the sweep on 1,000,000 shipments (5% stalled) against SELECT count(*)
	scripts/bench-sweep.sh

bench-queue: ## wrk p50/p99 and req/s of the review queue (page 1, filtered, deep keyset) and /healthz on 1,000,000 shipments / 100,000 exceptions, signed in, 32 connections; then during and right after another shop's import of 1,000,000 rows
	scripts/bench-queue.sh

bench-outbox: ## one serve drains 100,000 outbox e-mails to a local SMTP test server: messages/s, peak RSS, and the queue's p99 while draining against after
	scripts/bench-outbox.sh

bench-api: ## events posted to the JSON API (batches of 5,000, 8 clients) against `portal import` of the same events, 100k by default (BENCH_EVENTS): events/s, p50/p99 per batch, peak RSS, ratio
	scripts/bench-api.sh

heldout-replay: ## the classifier on each held-out corpus batch with the rules of the day before it was added (git worktrees; no database): right, unmapped, wrong, pooled
	scripts/heldout-replay.sh
