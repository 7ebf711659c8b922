#!/usr/bin/env bash
# The Debian package, for real: `dpkg-buildpackage -us -uc -b` on a copy of
# the sources, the .deb's contents and modes (dpkg-deb), then the .deb
# installed by dpkg with its maintainer scripts into a throwaway root: a
# copy-on-write view (overlayfs) of this very machine in a private mount
# namespace, chrooted into, dropped at the end.  There: the shared server
# set up as scripts/install-server sets it up (group with no members,
# dpkg-statoverride, modes, conffile), the database created as documented
# and reached through the set-group-id binary by an account outside the
# group, man pages in both languages, completion, the backup script; an
# upgrade keeps it all; a purge removes the group and the statoverride and
# keeps the data (root's alone); installing again gives it back.
# What it does not prove: installing on another machine (dpkg -i resolves
# no dependency: this one has them all), nor the units running under systemd.
# Needs root, dpkg-buildpackage and debhelper, unshare and overlayfs.
. "$SRCDIR/tests/cli/lib.sh"
if [ "$(id -u)" != 0 ] || ! command -v dpkg-buildpackage >/dev/null || ! command -v dh >/dev/null \
   || ! command -v unshare >/dev/null || ! command -v setpriv >/dev/null || ! command -v useradd >/dev/null; then
  echo "1..0 # SKIP needs root, dpkg-buildpackage, debhelper (dh), unshare, setpriv and useradd"; exit 77
fi

# --- the build ----------------------------------------------------------------
mkdir -p "$T/pkg/src"
if git -C "$SRCDIR" rev-parse --git-dir >/dev/null 2>&1; then
  # what a clean checkout has, with the work in progress (not the build trees)
  git -C "$SRCDIR" ls-files -co --exclude-standard -z | (cd "$SRCDIR" && tar -cf - --null -T -) | tar -xf - -C "$T/pkg/src"
else
  (cd "$SRCDIR" && tar -cf - --exclude='./build*' --exclude='./obj-*' .) | tar -xf - -C "$T/pkg/src"
fi
(cd "$T/pkg/src" && DEB_BUILD_OPTIONS="parallel=$(nproc 2>/dev/null || echo 2)" dpkg-buildpackage -us -uc -b) \
  > "$T/build.log" 2>&1; rc=$?
expect_eq "$rc" "0" "dpkg-buildpackage -us -uc -b builds ($(tail -3 "$T/build.log" | tr '\n' ' '))"
version=$(sed -n "s/^ *version *: *'\([^']*\)'.*/\1/p" "$SRCDIR/meson.build" | head -1)
DEB=$T/pkg/juste_${version}_$(dpkg --print-architecture).deb
[ -f "$DEB" ] && ok "the .deb is juste_${version} (meson's version)" || { not_ok "no $DEB: $(ls "$T/pkg")"; finish; }
grep -q "test_money.*OK" "$T/build.log" && ok "the build ran the unit tests" || not_ok "no unit test in the build log"

# --- what it holds --------------------------------------------------------------
dpkg-deb -c "$DEB" | awk '{print $1, $2, $6}' > "$T/contents"
has() { # MODE PATH WHY
  grep -qx -- "$1 root/root ./$2" "$T/contents" && ok "$3: $2 ($1)" || not_ok "$3: $2 $1 ($(grep -- " ./$2\$" "$T/contents"))"
}
has -rwxr-xr-x usr/bin/juste "the binary (set-group-id comes from dpkg-statoverride)"
has -rwxr-xr-x usr/bin/juste-backup "the nightly backup script, executable"
has -rwxr-xr-x usr/lib/juste/setup-server "the shared server's set-up"
has -rw-r--r-- etc/juste/juste.ini "the system configuration"
has -rw-r--r-- usr/share/man/man1/juste.1.gz "the English manual"
has -rw-r--r-- usr/share/man/man5/juste.ini.5.gz "the English juste.ini(5)"
has -rw-r--r-- usr/share/man/fr/man1/juste.1.gz "the French manual"
has -rw-r--r-- usr/share/man/fr/man5/juste.ini.5.gz "the French juste.ini(5)"
has -rw-r--r-- usr/share/locale/en/LC_MESSAGES/juste.mo "the English translation"
has -rw-r--r-- usr/share/bash-completion/completions/juste "bash completion"
has -rw-r--r-- lib/systemd/system/juste-backup.service "the backup's service unit"
has -rw-r--r-- lib/systemd/system/juste-backup.timer "the backup's timer"
expect_eq "$(grep -cv ' root/root ' "$T/contents")" "0" "everything is root's"
grep -q ' \./var/' "$T/contents" && not_ok "the package ships /var (setup-server makes it)" || ok "no /var in the package: the data directory is setup-server's"
mkdir -p "$T/x"
dpkg-deb -x "$DEB" "$T/x" && dpkg-deb -e "$DEB" "$T/x/DEBIAN"
expect_eq "$(cat "$T/x/DEBIAN/conffiles")" "/etc/juste/juste.ini" "/etc/juste/juste.ini is a conffile"
grep -qx "path = /var/lib/juste/juste.db" "$T/x/etc/juste/juste.ini" && ok "…naming /var/lib/juste/juste.db" \
  || not_ok "conffile: $(grep path "$T/x/etc/juste/juste.ini")"
expect_eq "$(dpkg-deb -f "$DEB" Version)" "$version" "the package's version is meson's"
case "$(dpkg-deb -f "$DEB" Depends)" in *passwd*) ok "it depends on passwd (groupadd)";; *) not_ok "Depends: $(dpkg-deb -f "$DEB" Depends)";; esac
zcat "$T/x/usr/share/man/man1/juste.1.gz" | grep -q '^\.SH NAME' && ok "man1 is English" || not_ok "man1/juste.1 is not the English page"
zcat "$T/x/usr/share/man/fr/man1/juste.1.gz" | grep -q '^\.SH NOM' && ok "fr/man1 is French" || not_ok "fr/man1/juste.1 is not the French page"
grep -qx "ExecStart=/usr/bin/juste-backup --keep 14 /srv/juste-sauvegardes" "$T/x/lib/systemd/system/juste-backup.service" \
  && ok "the unit runs the installed script" || not_ok "unit: $(grep ExecStart= "$T/x/lib/systemd/system/juste-backup.service")"
grep -q "setup-server --dpkg" "$T/x/DEBIAN/postinst" && ok "postinst runs setup-server" || not_ok "postinst lacks setup-server"

# --- installed, in a throwaway root --------------------------------------------
if ! grep -qw overlay /proc/filesystems && ! modprobe overlay 2>/dev/null; then
  echo "# no overlayfs: the .deb was not installed"; finish
fi
P=jp$$ ADM=jp$$adm
cat > "$T/in-root.sh" <<EOF
#!/bin/bash
# Runs chrooted in the throwaway root: prints ok/not ok lines.
DEB=$DEB T=$T ADM=$ADM
EOF
cat >> "$T/in-root.sh" <<'EOF'
export LC_ALL=C.UTF-8 PATH=/usr/sbin:/usr/bin:/sbin:/bin
unset LANGUAGE JUSTE_CONFIG XDG_CONFIG_HOME XDG_DATA_HOME JUSTE_TODAY
ok() { echo "ok - $*"; }
not_ok() { echo "not ok - $*"; }
# eq GOT WANT MSG [DETAIL] : DETAIL is shown on failure only
eq() { [ "$1" = "$2" ] && ok "$3" || not_ok "$3 (got '$1', expected '$2') ${4:-}"; }
as() { local u=$1; shift; setpriv --reuid="$u" --regid="$(id -g "$u")" --init-groups env -i PATH=/usr/bin:/bin HOME=/home/$u LC_ALL=C.UTF-8 "$@"; }
getent group juste >/dev/null && echo "# this machine already has a group juste"

dpkg -i "$DEB" > "$T/i1.out" 2>&1; eq "$?" 0 "dpkg -i installs it" "$(tail -3 "$T/i1.out" | tr '\n' ' ')"
grep -q "juste init --admin LOGIN" "$T/i1.out" && ok "postinst says how to create the database" || not_ok "no hint: $(cat "$T/i1.out")"
eq "$(getent group juste | cut -d: -f4)" "" "the system group juste exists, with no members"
[ "$(getent group juste | cut -d: -f3)" -lt 1000 ] && ok "…a system group" || not_ok "gid $(getent group juste)"
eq "$(dpkg-statoverride --list /usr/bin/juste)" "root juste 2755 /usr/bin/juste" "the binary's mode is a dpkg-statoverride"
eq "$(stat -c '%U:%G %a' /usr/bin/juste)" "root:juste 2755" "/usr/bin/juste is root:juste 2755"
eq "$(stat -c '%U:%G %a' /var/lib/juste)" "root:juste 2770" "/var/lib/juste is root:juste 2770"
eq "$(stat -c '%U:%G %a' /etc/juste/juste.ini)" "root:root 644" "/etc/juste/juste.ini is root's, 0644"
dpkg-query -W -f='${Conffiles}\n' juste | grep -q "/etc/juste/juste.ini" && ok "dpkg knows it as a conffile" || not_ok "not a conffile"

useradd -m -N -s /bin/sh -c "Admin du paquet" "$ADM" || not_ok "useradd"
juste init --admin "$ADM" > "$T/init.out" 2>&1; eq "$?" 0 "root creates the database: juste init --admin LOGIN" "$(cat "$T/init.out")"
eq "$(stat -c '%U:%G %a' /var/lib/juste/juste.db)" "root:juste 660" "the database is root:juste 0660"
out=$(as "$ADM" juste settings show 2>&1); eq "$?" 0 "the admin reaches it through the set-group-id binary" "$out"
out=$(as "$ADM" juste check 2>&1)
case "$out" in *"identité du centre"*) ok "juste check names the example identity";; *) not_ok "check: $out";; esac
out=$(as "$ADM" cat /var/lib/juste/juste.db 2>&1 >/dev/null) && not_ok "the admin read the file with cat" || ok "…but not with cat ($out)"
eq "$(id -nG "$ADM" | tr ' ' '\n' | grep -cx juste)" "0" "the admin is not in the group"

if command -v man >/dev/null; then
  eq "$(man -w juste 2>&1)" "/usr/share/man/man1/juste.1.gz" "man juste: the English page by default"
  eq "$(man -L fr -w juste 2>&1)" "/usr/share/man/fr/man1/juste.1.gz" "man -L fr juste: the French page"
  eq "$(man -L fr -w 5 juste.ini 2>&1)" "/usr/share/man/fr/man5/juste.ini.5.gz" "…and juste.ini(5) in French"
fi
out=$(as "$ADM" bash -c '. /usr/share/bash-completion/completions/juste; COMP_WORDS=(juste entries --expert ""); COMP_CWORD=3; _juste; echo "${COMPREPLY[*]}"')
eq "$out" "$ADM" "the installed completion completes logins from the shared database"
install -d -o "$ADM" -m 0700 /home/$ADM/sauvegardes
as "$ADM" juste-backup --keep 2 /home/$ADM/sauvegardes > "$T/backup.out" 2>&1; eq "$?" 0 "juste-backup works installed" "$(cat "$T/backup.out")"
ls /home/$ADM/sauvegardes | grep -qE '^juste-[0-9]{4}-[0-9]{2}-[0-9]{2}\.db$' && ok "…one dated copy" || not_ok "no copy"

dpkg -i "$DEB" > "$T/i2.out" 2>&1; eq "$?" 0 "installing again (an upgrade)"
eq "$(stat -c '%U:%G %a' /usr/bin/juste)" "root:juste 2755" "…keeps the set-group-id binary"
eq "$(stat -c '%U:%G %a' /var/lib/juste/juste.db)" "root:juste 660" "…and the database"
eq "$(sqlite3 /var/lib/juste/juste.db 'select login || " " || role from experts' 2>&1)" "$ADM admin" "…with its admin"

dpkg -r juste > "$T/r.out" 2>&1; eq "$?" 0 "dpkg -r"
[ -e /usr/bin/juste ] && not_ok "the binary is still there" || ok "…removes the binary"
[ -f /var/lib/juste/juste.db ] && ok "…keeps the data" || not_ok "remove lost the data"
dpkg --purge juste > "$T/p.out" 2>&1; eq "$?" 0 "dpkg --purge"
getent group juste >/dev/null && not_ok "the group is still there" || ok "…removes the group"
eq "$(dpkg-statoverride --list /usr/bin/juste)" "" "…and the statoverride"
[ -e /etc/juste/juste.ini ] && not_ok "the conffile survived the purge" || ok "…and the conffile"
eq "$(stat -c '%U:%G' /var/lib/juste /var/lib/juste/juste.db | sort -u)" "root:root" "…keeps the data, root's alone"
grep -q "data is kept in /var/lib/juste" "$T/p.out" && ok "…and says where it is" || not_ok "purge said: $(cat "$T/p.out")"

dpkg -i "$DEB" > "$T/i3.out" 2>&1; eq "$?" 0 "installing after a purge"
eq "$(stat -c '%U:%G %a' /var/lib/juste/juste.db)" "root:juste 660" "…gives the kept database back to the (new) group"
out=$(as "$ADM" juste settings show 2>&1); eq "$?" 0 "…and the admin reaches it again" "$out"

dpkg --purge juste >/dev/null 2>&1; rm -rf /var/lib/juste
echo "JUSTE_ADMIN=$ADM" > /etc/default/juste
dpkg -i "$DEB" > "$T/i4.out" 2>&1; eq "$?" 0 "a fresh install with JUSTE_ADMIN in /etc/default/juste"
eq "$(sqlite3 /var/lib/juste/juste.db 'select login || " " || role from experts' 2>&1)" "$ADM admin" "…creates the database with that admin"
EOF
chmod +x "$T/in-root.sh"
host_state() {
  getent group juste; getent passwd "$ADM"; dpkg-statoverride --list /usr/bin/juste
  dpkg-query -W -f='${Status}\n' juste 2>/dev/null; ls -ld /usr/bin/juste /var/lib/juste /etc/juste 2>/dev/null
}
before=$(host_state)
# The install runs in a throwaway root: a private mount namespace over an
# overlay of /.  Inside a chroot (a bare build root) / is no mount point and
# its propagation cannot be changed: the package was built and its contents
# checked above; the install half is skipped there, and said so.
if ! unshare -m --propagation private true 2>"$T/unshare.err"; then
  echo "# SKIP the install in a throwaway root: $(head -1 "$T/unshare.err") (no private mount namespace here)"
  expect_eq "$(host_state)" "$before" "this machine is untouched"
  finish
fi
mkdir -p "$T/root" "$T/ov"
unshare -m --propagation private bash -c '
  T=$1
  mount -t tmpfs tmpfs "$T/ov" && mkdir "$T/ov/u" "$T/ov/w" &&
  mount -t overlay overlay -o "lowerdir=/,upperdir=$T/ov/u,workdir=$T/ov/w" "$T/root" &&
  mkdir -p "$T/root$T" && mount --bind "$T" "$T/root$T" && mount --rbind /dev "$T/root/dev" && mount -t proc proc "$T/root/proc" &&
  mount -t tmpfs tmpfs "$T/root/run" || { echo "not ok - the throwaway root cannot be mounted"; exit 0; }
  chroot "$T/root" /bin/bash "$T/in-root.sh"' _ "$T" > "$T/in-root.out" 2>&1
while IFS= read -r line; do
  case "$line" in
    "ok - "*) ok "${line#ok - }" ;;
    "not ok - "*) not_ok "${line#not ok - }" ;;
    "#"*) echo "$line" ;;
  esac
done < "$T/in-root.out"
grep -q "^ok - dpkg -i installs it" "$T/in-root.out" || not_ok "nothing ran in the throwaway root: $(head -5 "$T/in-root.out")"
expect_eq "$(host_state)" "$before" "this machine is untouched: its group juste, accounts, statoverrides, dpkg database, /usr/bin, /var/lib, /etc"
finish
