#!/usr/bin/env bash
# A native PostgreSQL 15 + pgvector server for the Postgres test suites (the tests' other server,
# beside PGlite). Run as root from anywhere; safe to run again:
#   - installs postgresql-15 and postgresql-server-dev-15 from Debian's apt, unless installed;
#   - builds pgvector from ../shared/vendor/pgvector-0.8.6.tar.gz (beside the repository) and
#     installs it, unless vector.control is already in the server's extension folder;
#   - starts a throwaway cluster (initdb in a temp dir, as the postgres OS user) on 127.0.0.1 at a
#     free port from 54329, with a superuser role that has a random password; a cluster that an
#     earlier run started and that still answers is used again instead.
# Its only output on stdout is one line for the tests:
#   FOOTNOTE_TEST_PG_ADMIN_URL=postgres://footnote_admin:…@127.0.0.1:PORT/postgres
# Progress, and how to stop the cluster, go to stderr. If anything fails it says so loudly on
# stderr and exits 0 without that line, so CI goes on and the tests say what was not run.
set -euo pipefail

# stdout is for the one line only: everything else goes to stderr, fd 3 keeps stdout for the end.
exec 3>&1 1>&2

cd "$(dirname "$0")/.."
REPO=$(pwd)
PG_VERSION=15
PG_BIN=/usr/lib/postgresql/$PG_VERSION/bin
PG_CONFIG=$PG_BIN/pg_config
PGVECTOR_VERSION=0.8.6
PGVECTOR_TARBALL=$REPO/../shared/vendor/pgvector-$PGVECTOR_VERSION.tar.gz
PGVECTOR_SHA256=5743dac39fdfa740533cf95e71b033bd5513b71dda194b3cf19464ccbf76f3fb
ADMIN_ROLE=footnote_admin
FIRST_PORT=54329
# Where the running cluster is recorded, so that a second run uses it again.
STATE=${TMPDIR:-/tmp}/footnote-test-postgres.env

started=$SECONDS
cluster_dir=""
cluster_up=""

say() { echo "[postgres.sh] $*"; }

fail() {
  trap - ERR
  if [ -n "$cluster_up" ]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$cluster_dir/data" -m immediate stop </dev/null 3>&- || true
  fi
  if [ -n "$cluster_dir" ]; then rm -rf "$cluster_dir"; fi
  cat <<EOF

!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
!! .ci/postgres.sh: NO NATIVE POSTGRESQL SERVER.
!! $*
!! The Postgres test suites will run against PGlite only, not against PostgreSQL $PG_VERSION.
!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!

EOF
  exit 0
}
trap 'fail "failed (exit $?) at line $LINENO: $BASH_COMMAND"' ERR
trap 'rc=$?; [ "$rc" = 0 ] || fail "stopped with exit code $rc"' EXIT

[ "$(id -u)" = 0 ] || fail "must run as root (it installs packages and runs initdb as the postgres user)"

installed() { dpkg-query -W -f='${Status}\n' "$@" 2>/dev/null | grep -c '^install ok installed$'; }

# 1. The server and its headers.
if [ "$(installed postgresql-$PG_VERSION postgresql-server-dev-$PG_VERSION || true)" = 2 ] && [ -x "$PG_CONFIG" ]; then
  say "postgresql-$PG_VERSION and postgresql-server-dev-$PG_VERSION are installed"
else
  command -v apt-get >/dev/null || fail "no apt-get: install postgresql-$PG_VERSION and postgresql-server-dev-$PG_VERSION by hand"
  say "apt-get install postgresql-$PG_VERSION postgresql-server-dev-$PG_VERSION"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq </dev/null 3>&- || fail "apt-get update failed"
  apt-get install -y -qq --no-install-recommends "postgresql-$PG_VERSION" "postgresql-server-dev-$PG_VERSION" \
    </dev/null 3>&- || fail "apt-get install postgresql-$PG_VERSION postgresql-server-dev-$PG_VERSION failed"
  [ -x "$PG_CONFIG" ] || fail "$PG_CONFIG is missing after the install"
fi

# 2. pgvector, built from the vendored source.
EXT_DIR="$("$PG_CONFIG" --sharedir)/extension"
LIB_DIR="$("$PG_CONFIG" --pkglibdir)"
if [ -f "$EXT_DIR/vector.control" ] && [ -f "$LIB_DIR/vector.so" ]; then
  say "pgvector is installed ($(sed -n "s/^default_version = '\(.*\)'/\1/p" "$EXT_DIR/vector.control"))"
else
  [ -f "$PGVECTOR_TARBALL" ] || fail "$PGVECTOR_TARBALL not found (../shared beside the repository?)"
  echo "$PGVECTOR_SHA256  $PGVECTOR_TARBALL" | sha256sum -c --quiet - || fail "$PGVECTOR_TARBALL: wrong sha256"
  build=$(mktemp -d "${TMPDIR:-/tmp}/footnote-pgvector.XXXXXX")
  say "building pgvector $PGVECTOR_VERSION in $build"
  tar xzf "$PGVECTOR_TARBALL" -C "$build"
  # OPTFLAGS="": no -march=native, so the build runs on any machine of this kind;
  # with_llvm=no: no JIT bitcode (clang), which only slows the build.
  make_args=(-C "$build/pgvector-$PGVECTOR_VERSION" PG_CONFIG="$PG_CONFIG" OPTFLAGS="" with_llvm=no)
  make -s -j"$(nproc)" "${make_args[@]}" </dev/null 3>&- >"$build/make.log" 2>&1 ||
    { tail -n 30 "$build/make.log"; fail "pgvector build failed (log above)"; }
  make -s "${make_args[@]}" install </dev/null 3>&- >>"$build/make.log" 2>&1 ||
    { tail -n 30 "$build/make.log"; fail "pgvector install failed (log above)"; }
  rm -rf "$build"
  [ -f "$EXT_DIR/vector.control" ] || fail "vector.control is not in $EXT_DIR after make install"
  say "pgvector $PGVECTOR_VERSION installed"
fi

# 3. The cluster. One an earlier run started, if it still answers.
answers() { # url
  PGCONNECT_TIMEOUT=5 "$PG_BIN/psql" "$1" -XAtqc "SELECT 1" </dev/null 3>&- 2>/dev/null | grep -qx 1
}
if [ -f "$STATE" ]; then
  old_url=$(sed -n 's/^FOOTNOTE_TEST_PG_ADMIN_URL=//p' "$STATE")
  old_dir=$(sed -n 's/^FOOTNOTE_TEST_PG_DIR=//p' "$STATE")
  if [ -n "$old_url" ] && [ -d "$old_dir/data" ] && answers "$old_url"; then
    say "using the cluster an earlier run started in $old_dir"
    say "stop it with: runuser -u postgres -- $PG_BIN/pg_ctl -D $old_dir/data -m fast stop"
    echo "FOOTNOTE_TEST_PG_ADMIN_URL=$old_url" >&3
    exit 0
  fi
  # Gone (a reboot, a stop): clear what it left.
  case "$old_dir" in "${TMPDIR:-/tmp}"/footnote-pg.*) rm -rf "$old_dir" ;; esac
  rm -f "$STATE"
fi

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port=$FIRST_PORT
while port_taken "$port"; do
  port=$((port + 1))
  [ "$port" -lt $((FIRST_PORT + 100)) ] || fail "no free port in $FIRST_PORT-$((FIRST_PORT + 99))"
done

cluster_dir=$(mktemp -d "${TMPDIR:-/tmp}/footnote-pg.XXXXXX")
chown postgres:postgres "$cluster_dir"
chmod 0755 "$cluster_dir"
password=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
say "initdb in $cluster_dir/data"
runuser -u postgres -- "$PG_BIN/initdb" -D "$cluster_dir/data" -U postgres --auth-local=trust \
  --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 </dev/null 3>&- >"$cluster_dir/initdb.log" 2>&1 ||
  { tail -n 20 "$cluster_dir/initdb.log"; fail "initdb failed (log above)"; }
cat >>"$cluster_dir/data/postgresql.conf" <<EOF

# .ci/postgres.sh: a throwaway cluster for the tests.
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$cluster_dir'
max_connections = 200
shared_buffers = 256MB
fsync = on
log_min_messages = warning
log_min_error_statement = error
EOF

say "starting PostgreSQL $PG_VERSION on 127.0.0.1:$port"
# 3>&-: the server must not hold the stdout that $(…) in .ci/run waits on.
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$cluster_dir/data" -l "$cluster_dir/postgres.log" -w -t 60 start \
  </dev/null 3>&- >/dev/null 2>&1 ||
  { tail -n 20 "$cluster_dir/postgres.log" || true; fail "pg_ctl start failed (log above)"; }
cluster_up=1

psql_local() { runuser -u postgres -- "$PG_BIN/psql" -h "$cluster_dir" -p "$port" -U postgres -XAtq -v ON_ERROR_STOP=1 "$@" </dev/null 3>&-; }
psql_local -d postgres -c "CREATE ROLE $ADMIN_ROLE LOGIN SUPERUSER PASSWORD '$password'" ||
  fail "could not create the role $ADMIN_ROLE"

url="postgres://$ADMIN_ROLE:$password@127.0.0.1:$port/postgres"
# Over TCP with the password, as the tests connect; pgvector loads (rolled back: nothing is left).
check=$(PGCONNECT_TIMEOUT=10 "$PG_BIN/psql" "$url" -XAtq -v ON_ERROR_STOP=1 3>&- 2>&1 <<'SQL'
BEGIN;
CREATE EXTENSION vector;
SELECT 'pgvector ' || extversion || ', ' || version() FROM pg_extension WHERE extname = 'vector';
SELECT ('[1,2,3]'::vector <=> '[1,2,4]'::vector) < 0.01;
ROLLBACK;
SQL
) || fail "the server does not answer over TCP, or pgvector does not load: $check"
say "${check//$'\n'/ | }"

printf 'FOOTNOTE_TEST_PG_ADMIN_URL=%s\nFOOTNOTE_TEST_PG_DIR=%s\n' "$url" "$cluster_dir" >"$STATE"
chmod 600 "$STATE"
say "ready in $((SECONDS - started)) s; data, log and socket in $cluster_dir"
say "stop it with: runuser -u postgres -- $PG_BIN/pg_ctl -D $cluster_dir/data -m fast stop"
echo "FOOTNOTE_TEST_PG_ADMIN_URL=$url" >&3
