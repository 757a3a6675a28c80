# common.sh — sourced by the scripts behind make and CI, after they set `me` to their name:
# messages, a word on any unexpected failure, and installing missing Debian packages. Every
# message goes to standard error (pg.sh prints its result on standard output).

log() { echo "$me: $*" >&2; }
die() {
	log "$*"
	exit 1
}

# Under `set -e` a failing command ends a script without a word, and make then shows only
# "Error 1": name the command and where it stood. -E carries the trap into functions.
set -E
trap 'rc=$?; log "failed (exit $rc) at ${BASH_SOURCE[0]##*/} line $LINENO: $BASH_COMMAND"; exit $rc' ERR

# Go is in /usr/local/go on the machines the README describes, not always on PATH.
[ -d /usr/local/go/bin ] && export PATH="$PATH:/usr/local/go/bin"

need_go() {
	command -v go >/dev/null ||
		die "Go is not installed (or not on PATH, nor in /usr/local/go/bin): install it from https://go.dev/dl/ and run this again"
}

# debs_missing PACKAGE... prints those of the Debian packages that are not installed.
debs_missing() {
	local p
	for p; do
		[ "$(dpkg-query -W -f '${db:Status-Status}' "$p" 2>/dev/null)" = installed ] || echo "$p"
	done
}

# need_debs WHY PACKAGE... installs those of the Debian packages that are missing, when it runs as
# root on Debian, and otherwise stops, saying what to install and why. It never asks: apt-get runs
# with -y, noninteractive, keeping changed configuration files, and waits for another apt or dpkg
# run to finish rather than failing.
need_debs() {
	local why=$1 missing
	shift
	if command -v dpkg-query >/dev/null; then
		missing=$(debs_missing "$@" | tr '\n' ' ')
		missing=${missing% }
	else
		missing="$*"
	fi
	[ -n "$missing" ] || return 0
	if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
		die "$why needs $missing, which is not installed: install it (Debian, as root: apt-get install $missing) and run this again"
	fi
	log "installing Debian's $missing for $why"
	local apt=(apt-get -q -y -o DPkg::Lock::Timeout=600 -o Dpkg::Use-Pty=0
		-o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
	export DEBIAN_FRONTEND=noninteractive
	if [ -z "${apt_updated:-}" ]; then
		"${apt[@]}" update >/dev/null ||
			die "apt-get update failed (see above): check the network and /etc/apt/sources.list*, then run this again"
		apt_updated=1
	fi
	# shellcheck disable=SC2086 # one word per package
	"${apt[@]}" install $missing >/dev/null ||
		die "apt-get install $missing failed (see above): fix that or install them by hand (Debian: apt-get install $missing), then run this again"
}
