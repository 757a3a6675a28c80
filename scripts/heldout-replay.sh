#!/usr/bin/env bash
# heldout-replay.sh — the classifier's figures on texts it had not been tuned on, replayed from git.
#
# Every held-out batch of the corpus (domain/tracking/testdata/corpus/batchNN-heldout*.csv) was
# measured before any rule or word was changed for it, and BATCHES.md records those figures. This
# script makes them checkable: for each batch it checks out, in a temporary worktree, the parent
# of the commit that added the batch (the rules and the suggestion model of that day), and reads
# the batch's texts as `portal classify` does (the text alone), with today's labels. A text an
# earlier batch already had is left out, as the corpus test counts it there.
#
# It prints, per batch and pooled: texts, right (the label's stage or an accepted alternative),
# unmapped, wrong stage; and, for the unmapped texts, how often a suggestion was offered and how
# often it was right. Needs the repository's history (a full clone), not a database.
#
# Environment:
#   REPLAY_FROM=15   the first batch to replay (batches 12–14 were added before the layout of today)
#   REPLAY_TSV=      a file to write every replayed text with its answers to, tab-separated
set -euo pipefail
cd "$(dirname "$0")/.."
me=heldout-replay
. scripts/common.sh
need_go
command -v git >/dev/null || die "git is not installed"
git rev-parse --is-shallow-repository | grep -q false ||
	die "this clone is shallow: the replay needs the commits that added each batch (git fetch --unshallow)"

root=$PWD
corpus=domain/tracking/testdata/corpus
tmp=$(mktemp -d)
cleanup() {
	git worktree remove --force "$tmp/wt" >/dev/null 2>&1 || true
	rm -rf "$tmp"
}
trap cleanup EXIT

# The reader, dropped into each worktree as an external test of the package: it uses only what
# every replayed commit exports (BuiltinClassifier, Classify, Explain).
cat >"$tmp/replay_test.go" <<'EOF'
package tracking_test

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parceldesk/portal/domain/tracking"
)

func TestReplayHeldOut(t *testing.T) {
	batch := os.Getenv("REPLAY_BATCH")
	seen := map[string]bool{}
	files, _ := filepath.Glob("testdata/corpus/*.csv")
	for _, name := range files {
		if filepath.Base(name) != filepath.Base(batch) {
			for _, rec := range readCSV(t, name) {
				seen[strings.ToLower(strings.TrimSpace(rec[0]))] = true
			}
		}
	}
	recs := readCSV(t, batch)
	out, err := os.Create(os.Getenv("REPLAY_OUT"))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	cls := tracking.BuiltinClassifier()
	for _, rec := range recs {
		key := strings.ToLower(strings.TrimSpace(rec[0]))
		if seen[key] {
			continue
		}
		seen[key] = true
		st, _ := cls.Classify(rec[0])
		sug := -1
		if st == tracking.StageUnknown {
			if ex := cls.Explain(tracking.Event{Text: rec[0]}); ex.Suggestion != nil {
				sug = int(ex.Suggestion.Stage)
			}
		}
		fmt.Fprintf(out, "%s\t%s\t%s\t%d\t%d\t%s\n", filepath.Base(batch), rec[1], rec[3], st, sug,
			strings.Join(strings.Fields(rec[0]), " "))
	}
}

// readCSV returns a corpus file's records without its header.
func readCSV(t *testing.T, name string) [][]string {
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return recs[1:]
}
EOF

from=${REPLAY_FROM:-15}
: >"$tmp/all.tsv"
for path in $(git ls-files "$corpus/batch*-heldout*.csv" | sort -V); do
	n=$(basename "$path" | sed -E 's/^batch([0-9]+)-.*/\1/')
	[ "$n" -ge "$from" ] || continue
	added=$(git log --diff-filter=A --format=%H -- "$path" | tail -1)
	[ -n "$added" ] || die "$path: no commit adds it (is it committed?)"
	git worktree add -q --detach "$tmp/wt" "$added^"
	cp "$tmp/replay_test.go" "$tmp/wt/domain/tracking/zz_replay_test.go"
	(cd "$tmp/wt/domain/tracking" &&
		REPLAY_BATCH="$root/$path" REPLAY_OUT="$tmp/one.tsv" \
			go test -count=1 -run '^TestReplayHeldOut$' . >"$tmp/log" 2>&1) ||
		{
			cat "$tmp/log" >&2
			die "batch $n at ${added:0:7}^ failed"
		}
	git worktree remove --force "$tmp/wt"
	sed "s/^/${added:0:7}^\t/" "$tmp/one.tsv" >>"$tmp/all.tsv"
done
[ -s "$tmp/all.tsv" ] || die "no held-out batch from $from on"
[ -z "${REPLAY_TSV:-}" ] || cp "$tmp/all.tsv" "$REPLAY_TSV"

# Columns: commit, batch, stage, alt, got, suggestion (-1 none), text.
awk -F'\t' '
function right(s,   n, a, i, p) {
	if (s == $3) return 1
	n = split($4, a, "|")
	for (i = 1; i <= n; i++) { split(a[i], p, ":"); if (p[1] == s) return 1 }
	return 0
}
function line(name, at, n, r, u, w, o, ok) {
	printf "%-24s %-9s %6d %7.1f%% %8.1f%% %7.1f%% %8.1f%% %7.1f%%\n", name, at, n, 100*r/n, 100*u/n, 100*w/n,
		u ? 100*o/u : 0, o ? 100*ok/o : 0
}
BEGIN {
	printf "%-24s %-9s %6s %8s %9s %8s %9s %8s\n", "batch", "rules of", "texts", "right", "unmapped", "wrong", "offered", "of those"
	printf "%-24s %-9s %6s %8s %9s %8s %9s %8s\n", "", "", "", "", "", "", "(unmapped)", "right"
}
{
	b = $2; sub(/\.csv$/, "", b)
	if (!(b in n)) { order[++nb] = b; at[b] = $1 }
	n[b]++; N++
	if (right($5)) { r[b]++; R++ }
	else if ($5 == 0) { u[b]++; U++ }
	else { w[b]++; W++ }
	if (!right($5) && $5 == 0 && $6 >= 0) { o[b]++; O++; if (right($6)) { ok[b]++; OK++ } }
}
END {
	for (i = 1; i <= nb; i++) { b = order[i]; line(b, at[b], n[b], r[b], u[b], w[b], o[b], ok[b]) }
	line("pooled", "", N, R, U, W, O, OK)
}' "$tmp/all.tsv"
