#!/usr/bin/env bash
# lint.sh — staticcheck and gosec at pinned versions, over every package (staticcheck includes
# the tests; gosec checks the shipped code, its default). Each tool is installed on first use into
# .cache/tools/NAME@VERSION (not committed), so a clean clone needs only Go and the module proxy,
# and changing a version below installs that one. A finding that is not a problem carries a
# `#nosec Gnnn -- why` comment next to it.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d /usr/local/go/bin ] && export PATH="$PATH:/usr/local/go/bin"

staticcheck_version=v0.8.2 # honnef.co/go/tools: staticcheck 2026.2.2
gosec_version=v2.27.1

# tool NAME PACKAGE VERSION prints the path of the installed binary, installing it if needed.
tool() {
	local dir=".cache/tools/$1@$3"
	if [ ! -x "$dir/$1" ]; then
		echo "lint.sh: installing $2@$3 (once)" >&2
		GOBIN="$PWD/$dir" go install "$2@$3"
	fi
	echo "$dir/$1"
}
staticcheck=$(tool staticcheck honnef.co/go/tools/cmd/staticcheck "$staticcheck_version")
gosec=$(tool gosec github.com/securego/gosec/v2/cmd/gosec "$gosec_version")

echo "staticcheck $staticcheck_version"
"$staticcheck" ./...
echo "gosec $gosec_version"
"$gosec" -quiet ./...
