#!/usr/bin/env bash
# fresh-debian.sh [run|test] — the README's promise, tried on a fresh Debian: a minimal Debian root
# (debootstrap --variant=minbase, as root) with Go and a clone of the commit in it and nothing
# else, where the lines of the README's "Run it" block run as root.
#
#   run (default)  the block's first lines (installing make and git), then its last line,
#                  `make run`, with the portal's own PostgreSQL cluster (PORTAL_PG_OWN=1, on a free
#                  port) so that the path that installs Debian's postgresql package runs: it waits
#                  for the printed login line, checks /healthz, signs in with the printed demo
#                  login through the login form and opens the review queue (/exceptions, 200).
#   test           the same first lines, then `make test` with CI=true (browser tests included).
#
# Either way it then stops the portal and the cluster, ends anything else still running in the
# root, and unmounts everything it mounted (also when it fails or is interrupted).
#
# A chroot shares the host's network, so the host's PostgreSQL on 5432 would answer; hence the own
# cluster, on a port nothing on the host uses, and the portal on another free port.
#
# To stay fast it reuses, from the host: its Debian release and mirror, its apt configuration and
# local CA certificates, Go (/usr/local/go, mounted read-only) and the Go module cache (mounted
# under an overlay, so the root reads it and writes nothing back). It keeps, in FRESH_CACHE
# (default /var/cache/parceldesk-fresh, outside the clone): the bootstrapped base root, apt's
# package lists and downloaded packages, and the root's Go build cache. Each run works on an
# overlay of the base, which stays as debootstrap left it (remove FRESH_CACHE/base-SUITE to have
# it bootstrapped anew). FRESH_REF (default HEAD) is the commit cloned; FRESH_SUITE and
# FRESH_MIRROR override the release and mirror; FRESH_TIMEOUT (seconds, default 900) bounds the
# wait for the login line or the tests.
set -euo pipefail
me=fresh-debian.sh
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"
cd "$(dirname "$0")/.."
repo=$PWD

mode=${1:-run}
[ "$mode" = run ] || [ "$mode" = test ] || die "usage: scripts/fresh-debian.sh [run|test]"
[ "$(id -u)" = 0 ] || die "needs root (debootstrap, chroot, mounts)"
need_go
for tool in git curl; do
	command -v "$tool" >/dev/null || need_debs "the fresh-machine check" "$tool"
done
command -v debootstrap >/dev/null || need_debs "bootstrapping a fresh Debian root" debootstrap

# shellcheck disable=SC1091
. /etc/os-release
suite=${FRESH_SUITE:-${VERSION_CODENAME:-}}
[ -n "$suite" ] || die "cannot tell the host's Debian release from /etc/os-release: set FRESH_SUITE (e.g. bookworm)"
timeout_s=${FRESH_TIMEOUT:-900}
ref=$(git rev-parse --verify "${FRESH_REF:-HEAD}^{commit}") || die "FRESH_REF ${FRESH_REF:-HEAD} is not a commit"

# host_mirror prints the first URI the host's apt sources give for suite (one-line or deb822).
host_mirror() {
	local f
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[ -f "$f" ] && sed -n -E "s/^deb( \[[^]]*\])?[[:space:]]+([^[:space:]]+)[[:space:]]+$suite([[:space:]].*)?$/\2/p" "$f"
	done
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] && awk -v s="$suite" 'BEGIN { RS = ""; FS = "\n" }
			{ deb = ok = 0; uri = ""
			  for (i = 1; i <= NF; i++) {
				n = split($i, w, /[[:space:]]+/)
				if (w[1] == "Types:") for (j = 2; j <= n; j++) if (w[j] == "deb") deb = 1
				if (w[1] == "URIs:") uri = w[2]
				if (w[1] == "Suites:") for (j = 2; j <= n; j++) if (w[j] == s) ok = 1
			  }
			  if (deb && ok && uri != "") print uri }' "$f"
	done
}
mirror=${FRESH_MIRROR:-$(host_mirror | head -n 1)}
[ -n "$mirror" ] || die "the host's apt sources name no mirror for $suite: set FRESH_MIRROR"

cache=${FRESH_CACHE:-/var/cache/parceldesk-fresh}
mkdir -p "$cache"
# One run at a time per cache: they share apt's lists and packages.
exec 9>"$cache/lock"
flock -w 1800 9 || die "another fresh-debian.sh run holds $cache/lock"

# A run killed before its clean-up (SIGKILL, a lost machine) leaves mounts behind.
unmount_under() { # unmount_under DIR: every mount at or below DIR, deepest first
	local m
	for m in $(awk -v d="$1" '$2 == d || index($2, d "/") == 1 { print $2 }' /proc/self/mounts | sort -r); do
		umount "$m" 2>/dev/null || umount -l "$m" || log "could not unmount $m"
	done
}
for stale in "$cache"/run.*; do
	[ -d "$stale" ] || continue
	log "removing $stale, left by an earlier run"
	unmount_under "$stale"
	awk -v d="$stale" 'index($2, d "/") == 1 { f = 1 } END { exit !f }' /proc/self/mounts ||
		rm -rf --one-file-system "$stale"
done

t_start=$SECONDS
# The base root: debootstrap once, kept. A new base is built beside the old and swapped in whole.
base=$cache/base-$suite
if [ ! -e "$base/.complete" ]; then
	log "bootstrapping a minimal Debian $suite root from $mirror (once; kept in $base)"
	unmount_under "$base.new" # debootstrap mounts /proc and /sys in it while it works
	rm -rf --one-file-system "$base.new"
	t=$SECONDS
	debootstrap --variant=minbase "$suite" "$base.new" "$mirror" >"$cache/debootstrap.log" 2>&1 ||
		die "debootstrap failed; its log: $cache/debootstrap.log (last lines: $(tail -n 5 "$cache/debootstrap.log" | tr '\n' ' '))"
	rm -rf "$base.new"/var/cache/apt/archives/*.deb "$base.new"/var/lib/apt/lists/*_* 2>/dev/null || true
	touch "$base.new/.complete"
	rm -rf --one-file-system "$base"
	mv "$base.new" "$base"
	log "bootstrap took $((SECONDS - t)) s (cold)"
	bootstrap="$((SECONDS - t)) s (cold)"
else
	bootstrap="cached"
fi

run=$(mktemp -d "$cache/run.XXXXXX")
r=$run/root
mounted=() # in mount order; unmounted in reverse
portal_pid=""
cleanup() {
	local rc=$? i pids p
	# Clean up whatever fails: no trap of common.sh may end this half way, mounts left behind.
	trap - EXIT INT TERM ERR
	set +eE
	if [ -n "$portal_pid" ] && kill -0 -- "-$portal_pid" 2>/dev/null; then
		kill -TERM -- "-$portal_pid" 2>/dev/null
		for _ in $(seq 1 30); do kill -0 -- "-$portal_pid" 2>/dev/null || break; sleep 1; done
		kill -KILL -- "-$portal_pid" 2>/dev/null
	fi
	if [ -x "$r/root/portal/scripts/pg.sh" ] && mountpoint -q "$r/proc"; then
		inroot /root/portal/scripts/pg.sh stop >/dev/null 2>&1
	fi
	# Whatever still runs inside the root was started by this run.
	pids=$(for p in /proc/[0-9]*; do if [ "$(readlink "$p/root" 2>/dev/null)" = "$r" ]; then echo "${p#/proc/}"; fi; done)
	if [ -n "$pids" ]; then
		log "ending what still runs in the root: $(echo "$pids" | tr '\n' ' ')"
		# shellcheck disable=SC2086
		kill -KILL $pids 2>/dev/null
		sleep 1
	fi
	for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
		umount "${mounted[$i]}" 2>/dev/null || umount -l "${mounted[$i]}" || log "could not unmount ${mounted[$i]}"
	done
	unmount_under "$run"
	if awk -v d="$run" 'index($2, d "/") == 1 { f = 1 } END { exit !f }' /proc/self/mounts; then
		log "mounts remain under $run; left in place"
		[ "$rc" != 0 ] || rc=1
	else
		rm -rf --one-file-system "$run"
	fi
	exit "$rc"
}
trap cleanup EXIT
trap 'log "interrupted: stopping what runs in the root and unmounting"; exit 130' INT TERM

mnt() { # mnt TARGET MOUNT-ARGS...: mount and remember it
	local target=$1
	shift
	mkdir -p "$target"
	mount "$@" "$target" || die "mount $* $target failed"
	mounted+=("$target")
}
inroot() { # inroot CMD...: run as root in the root, with a clean environment
	chroot "$r" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
		PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"
}

mkdir -p "$run/upper" "$run/work" "$run/mod-upper" "$run/mod-work"
mnt "$r" -t overlay overlay -o "lowerdir=$base,upperdir=$run/upper,workdir=$run/work"
mnt "$r/proc" -t proc proc
mnt "$r/sys" --bind /sys
mnt "$r/dev" --bind /dev
mnt "$r/dev/shm" -t tmpfs -o mode=1777 tmpfs
mnt "$r/dev/pts" --bind /dev/pts
# Go, read-only, where the README expects it (the scripts find it there without PATH).
mnt "$r/usr/local/go" --bind -o ro "$(go env GOROOT)"
# The host's module cache under an overlay: read as it is, written to the run.
modcache=$(go env GOMODCACHE)
mkdir -p "$modcache"
mnt "$r/root/go/pkg/mod" -t overlay overlay -o "lowerdir=$modcache,upperdir=$run/mod-upper,workdir=$run/mod-work"
mkdir -p "$cache/go-build" "$cache/apt-lists-$suite/partial" "$cache/apt-archives-$suite/partial"
mnt "$r/root/.cache/go-build" --bind "$cache/go-build"
mnt "$r/var/lib/apt/lists" --bind "$cache/apt-lists-$suite"
mnt "$r/var/cache/apt/archives" --bind "$cache/apt-archives-$suite"

# The host's apt sources and configuration, but not its clean-up hooks (they would empty the
# kept package cache) nor those of desktop tools a minimal root lacks.
rm -f "$r/etc/apt/sources.list" "$r"/etc/apt/sources.list.d/*
for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
	[ -f "$f" ] && cp "$f" "$r$f"
done
for f in /etc/apt/apt.conf.d/*; do
	case ${f##*/} in docker-clean | 20packagekit | 50appstream) ;; *) cp "$f" "$r/etc/apt/apt.conf.d/" ;; esac
done
cp -a /etc/apt/trusted.gpg.d/. "$r/etc/apt/trusted.gpg.d/" 2>/dev/null || true
[ -d /etc/apt/keyrings ] && mkdir -p "$r/etc/apt/keyrings" && cp -a /etc/apt/keyrings/. "$r/etc/apt/keyrings/"
# This network's own CA certificates (Debian's ca-certificates adds them once it is installed).
[ -d /usr/local/share/ca-certificates ] && cp -a /usr/local/share/ca-certificates/. "$r/usr/local/share/ca-certificates/"
cp /etc/resolv.conf "$r/etc/resolv.conf"
grep -q localhost "$r/etc/hosts" 2>/dev/null || printf '127.0.0.1\tlocalhost\n::1\tlocalhost\n' >>"$r/etc/hosts"
# A chroot has no init: packages must not start their services (Debian's postgresql would start
# its own cluster on the host's port 5432). Debian's convention for chroots.
printf '#!/bin/sh\nexit 101\n' >"$r/usr/sbin/policy-rc.d"
chmod 755 "$r/usr/sbin/policy-rc.d"

# A clone of the commit, not the working files.
git clone -q --no-checkout "$repo" "$r/root/portal"
git -C "$r/root/portal" -c advice.detachedHead=false checkout -q "$ref"
log "Debian $suite root at $r with Go $(go env GOVERSION) and a clone of $(git rev-parse --short "$ref")"

# The README's "Run it" block: its lines but the last prepare the machine, its last runs.
mapfile -t lines < <(awk '/^## Run it/ { s = 1; next } s && /^## / { exit }
	s && /^```/ { if (b) exit; b = 1; next } s && b && !/^[[:space:]]*(#|$)/ { print }' README.md)
[ "${#lines[@]}" -ge 2 ] || die "README.md's \"Run it\" block should hold the prerequisite line(s) and the run command"
run_cmd=${lines[-1]}
[ "$run_cmd" = "make run" ] || die "the README's run command is \"$run_cmd\", not \"make run\": update this check"

# free_port prints a TCP port on 127.0.0.1 that nothing listens on.
free_port() {
	local p
	while :; do
		p=$((20000 + RANDOM % 30000))
		timeout 1 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$p" 2>/dev/null || { echo "$p"; return; }
	done
}
pg_port=$(free_port)
env_own=(PORTAL_PG_OWN=1 "PORTAL_PG_PORT=$pg_port")

t=$SECONDS
for line in "${lines[@]:0:${#lines[@]}-1}"; do
	log "in the root: $line"
	inroot bash -c "cd /root/portal && $line" </dev/null >"$run/prereq.log" 2>&1 ||
		die "the README's \"$line\" failed in the fresh root: $(tail -n 20 "$run/prereq.log")"
done
t_prereq=$((SECONDS - t))

if [ "$mode" = test ]; then
	log "in the root: CI=true make test (PostgreSQL of its own on 127.0.0.1:$pg_port)"
	t=$SECONDS
	echo 0 >"$run/rc"
	{ inroot CI=true "${env_own[@]}" bash -c 'cd /root/portal && exec make test' </dev/null || echo $? >"$run/rc"; } 2>&1 |
		tee "$cache/test.log" | { grep -E '^(ok|FAIL|--- FAIL|panic|test.sh:|pg.sh:|make:)' || true; }
	rc=$(<"$run/rc")
	t_test=$((SECONDS - t))
	log "bootstrap $bootstrap; prerequisites $t_prereq s; make test $t_test s (exit $rc); whole run $((SECONDS - t_start)) s; full output in $cache/test.log"
	[ "$rc" = 0 ] || die "make test failed in the fresh root (exit $rc); see $cache/test.log"
	exit 0
fi

addr_port=$(free_port)
log "in the root: $run_cmd (ADDR=127.0.0.1:$addr_port, PostgreSQL of its own on 127.0.0.1:$pg_port)"
t=$SECONDS
setsid chroot "$r" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
	PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
	"${env_own[@]}" "ADDR=127.0.0.1:$addr_port" \
	bash -c "cd /root/portal && exec $run_cmd" </dev/null >"$run/run.log" 2>&1 &
portal_pid=$!

login=""
while [ $((SECONDS - t)) -lt "$timeout_s" ]; do
	login=$(grep -m 1 '^Demo shop .*: sign in at ' "$run/run.log" || true)
	[ -n "$login" ] && break
	kill -0 "$portal_pid" 2>/dev/null || die "\"$run_cmd\" ended before it printed the login line; its output:
$(tail -n 40 "$run/run.log")"
	sleep 1
done
[ -n "$login" ] || die "no login line after ${timeout_s} s of \"$run_cmd\"; its output:
$(tail -n 40 "$run/run.log")"
t_run=$((SECONDS - t))
sed -n 's/^/  | /; /| \(pg\.sh\|run\.sh\|Parcel Desk\|Demo shop\)/p' "$run/run.log" >&2
log "printed after $t_run s: $login"
# The point of the fresh root: PostgreSQL was not there, and make run installed it.
grep -q "^pg.sh: installing Debian's postgresql" "$run/run.log" ||
	die "make run did not install Debian's postgresql package in the fresh root: the install path did not run"

url=$(sed -n 's|.* sign in at \(http://[^ ]*\)/login as .*|\1|p' <<<"$login")
email=$(sed -n 's|.*/login as \([^ ]*\) with password .*|\1|p' <<<"$login")
password=$(sed -n 's|.* with password \(.*\)$|\1|p' <<<"$login")
[ -n "$url" ] && [ -n "$email" ] && [ -n "$password" ] || die "cannot read URL, email and password from: $login"
[ "$url" = "http://127.0.0.1:$addr_port" ] || die "the login line names $url, not the address asked for (127.0.0.1:$addr_port)"

fail() { die "$*; the portal's output:
$(tail -n 30 "$run/run.log")"; }
jar=$run/cookies
get() { curl -sS --max-time 30 -o "$run/body" -w '%{http_code}' -b "$jar" -c "$jar" "$@"; }
code=$(get "$url/healthz") || fail "GET /healthz: no answer"
[ "$code" = 200 ] && grep -q '"ok"' "$run/body" || fail "GET /healthz: $code $(head -c 200 "$run/body")"
code=$(get "$url/login") || fail "GET /login: no answer"
[ "$code" = 200 ] || fail "GET /login: $code"
csrf=$(grep -o 'name="_csrf" value="[^"]*"' "$run/body" | head -n 1 | sed 's/.*value="//; s/"$//')
[ -n "$csrf" ] || fail "the login page has no _csrf field"
code=$(get --data-urlencode "_csrf=$csrf" --data-urlencode "email=$email" --data-urlencode "password=$password" "$url/login") ||
	fail "POST /login: no answer"
[ "$code" = 303 ] || fail "POST /login with the printed demo login: $code, not 303 (a redirect to the home page)"
code=$(get "$url/exceptions") || fail "GET /exceptions: no answer"
[ "$code" = 200 ] || fail "GET /exceptions signed in: $code"
total=$(grep -o 'id="queue-total">[0-9,]* parcels\{0,1\} needs\{0,1\} action' "$run/body" | sed 's/.*>\([0-9,]*\) parcel.*/\1/' || true)
[ -n "$total" ] || fail "GET /exceptions: 200, but no review queue in the page (not signed in?)"
[ "$total" != 0 ] || fail "the demo shop's review queue is empty"
log "GET /healthz 200; signed in as $email; GET /exceptions 200, $total parcels need action"

log "stopping the portal and its PostgreSQL"
# make and the portal are one process group (setsid): both get the signal; wait for every member.
kill -TERM -- "-$portal_pid"
for _ in $(seq 1 40); do kill -0 -- "-$portal_pid" 2>/dev/null || break; sleep 1; done
kill -0 -- "-$portal_pid" 2>/dev/null && fail "the portal did not stop within 40 s of SIGTERM"
wait "$portal_pid" || true # make reports the signal
grep -q 'level=ERROR' "$run/run.log" && log "the portal logged errors: $(grep 'level=ERROR' "$run/run.log" | head -n 5)"
portal_pid=""
inroot /root/portal/scripts/pg.sh stop || fail "scripts/pg.sh stop failed in the root"
log "fresh Debian $suite: bootstrap $bootstrap; prerequisites $t_prereq s; make run to the login line $t_run s; whole check $((SECONDS - t_start)) s"
