#!/usr/bin/env bash
# check.sh — what CI checks before the tests: every Go file the repository holds is gofmt-clean,
# go vet passes, and the generated templ views are up to date and committed. It needs git (the
# file list, the diff) and says so rather than passing on an empty list.
set -euo pipefail
me=check.sh
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"
cd "$(dirname "$0")/.."
need_go
command -v git >/dev/null || die "git is not installed, and the checks need it to list the files (Debian: apt-get install git)"
git rev-parse --is-inside-work-tree >/dev/null 2>&1 || die "$PWD is not a git work tree: run the checks in a clone of the repository"

mapfile -t files < <(git ls-files '*.go')
[ "${#files[@]}" -gt 0 ] || die "git lists no Go files: nothing to check, which cannot be right"
unformatted=$(gofmt -l "${files[@]}") || die "gofmt could not read every file (see above)"
if [ -n "$unformatted" ]; then
	echo "$unformatted" >&2
	die "gofmt: the ${#files[@]} files checked include those above, which need formatting (make fmt)"
fi
echo "gofmt: ${#files[@]} files formatted"

go vet ./... || die "go vet found problems (see above)"

go tool templ generate || die "templ generate failed (see above)"
rc=0
git diff --quiet -- views || rc=$?
if [ "$rc" = 1 ]; then
	git diff --stat -- views >&2
	die "templ: generated views are out of date; run make generate and commit"
fi
[ "$rc" = 0 ] || die "git diff failed (exit $rc) while comparing the generated views"
untracked=$(git status --porcelain -- views | grep '^??' || true)
[ -z "$untracked" ] || die "templ: generated views not committed: $untracked"
echo "templ: generated views up to date"
