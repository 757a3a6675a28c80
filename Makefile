# The README's two commands are `make run` and `make test`; the rest serve them and CI.
.PHONY: run test build generate check lint fmt vet bench-import bench-sweep bench-queue

run: ## serve the portal (local PostgreSQL and demo shop when DATABASE_URL is unset)
	scripts/run.sh

test: ## every test: real PostgreSQL, real headless Chromium
	scripts/test.sh

build:
	go build -o bin/portal ./cmd/portal

bench-import: ## importer vs psql \copy + one merge (and + the plain writes), tracking and order exports of 100k and 1M rows; BENCH_ROWS="20000 100000" for a quick run
	scripts/bench-import.sh

generate: ## regenerate the templ views (the generated files are committed)
	go tool templ generate

fmt:
	gofmt -w $$(git ls-files '*.go')

vet:
	go vet ./...

check: ## what CI checks before the tests: formatting, vet, generated code up to date
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo "gofmt: files above need formatting"; exit 1; }
	go vet ./...
	go tool templ generate
	@git diff --exit-code -- views >/dev/null || { git diff --stat -- views; echo "templ: generated views are out of date; run make generate and commit"; exit 1; }
	@test -z "$$(git status --porcelain -- views | grep '^??')" || { echo "templ: generated views not committed"; exit 1; }

lint: ## staticcheck and gosec at pinned versions (installed into .cache/tools on first use)
	scripts/lint.sh

bench-sweep: ## time the sweep on 1,000,000 shipments (5% stalled) against SELECT count(*)
	scripts/bench-sweep.sh

bench-queue: ## wrk p50/p99 and req/s of the review queue (page 1, filtered, deep keyset) and /healthz on 1,000,000 shipments / 100,000 exceptions, signed in, 32 connections
	scripts/bench-queue.sh
