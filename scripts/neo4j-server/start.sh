#!/usr/bin/env bash
# Start the embedded Neo4j server in the background on 127.0.0.1 (a free port
# unless NEO4J_PORT is set). Waits until Bolt answers, then prints the bolt://
# URI: that one line is ALL it writes to standard output (the build's and the
# server's logs go to standard error and $NEO4J_STATE_DIR/server.log), so a
# caller can take stdout as the URI. State (pid, port, uri, data folder, log)
# goes to $NEO4J_STATE_DIR, by default .neo4j/server in the project.
# Data: a fresh temporary folder, removed by stop.sh; or NEO4J_DATA_DIR, kept
# (start again on it later: its password and data stay).
# User `neo4j`, password $NEO4J_PASSWORD or `newsgraph-test` (set on a new
# data folder only). NEO4J_HEAP, NEO4J_PAGECACHE_MB and NEO4J_JAVA_OPTS size
# the JVM (defaults suit tests; scripts/bench-neo4j.ts sets them for throughput).
# NEO4J_WATCH_PID: the server shuts itself down once that process is gone
# (the test runner passes its own pid, so a killed run leaves no Java behind).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
state="${NEO4J_STATE_DIR:-$root/.neo4j/server}"
mkdir -p "$state"

if [[ -f $state/pid ]] && kill -0 "$(cat "$state/pid")" 2>/dev/null && [[ -f $state/uri ]]; then
  cat "$state/uri"   # already running
  exit 0
fi
rm -f "$state/pid" "$state/port" "$state/uri"

bash "$here/build.sh" >&2

if [[ -n ${NEO4J_DATA_DIR:-} ]]; then
  mkdir -p "$NEO4J_DATA_DIR"
  data="$(cd "$NEO4J_DATA_DIR" && pwd)"
  temporary=false
else
  data="$(mktemp -d "${TMPDIR:-/tmp}/newsgraph-neo4j.XXXXXX")"
  temporary=true
fi
echo "$data" > "$state/data-dir"
watch=()
[[ -n ${NEO4J_WATCH_PID:-} ]] && watch=(--watch-pid "$NEO4J_WATCH_PID")
# setsid: the server outlives the shell (and process group) that started it.
# By default C1-only JIT and the serial collector: a faster start and less CPU
# on small machines, plenty for test-sized graphs. NEO4J_JAVA_OPTS replaces
# them (the load benchmark passes a full JIT: steady-state speed is what it measures).
read -r -a java_opts <<< "${NEO4J_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
setsid java -Xmx"${NEO4J_HEAP:-1g}" "${java_opts[@]}" \
  -cp "$here/target/classes:$here/target/lib/*" newsgraph.Neo4jServer \
  --data "$data" --temporary "$temporary" --pagecache "${NEO4J_PAGECACHE_MB:-128}" --port "${NEO4J_PORT:-0}" --password "${NEO4J_PASSWORD:-newsgraph-test}" \
  --port-file "$state/port" "${watch[@]}" > "$state/server.log" 2>&1 < /dev/null &
pid=$!
echo "$pid" > "$state/pid"

deadline=$((SECONDS + ${NEO4J_START_TIMEOUT:-180}))
until [[ -f $state/port ]] && (exec 3<>"/dev/tcp/127.0.0.1/$(cat "$state/port")") 2>/dev/null; do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "neo4j-server: failed to start; last lines of $state/server.log:" >&2
    tail -n 20 "$state/server.log" >&2
    [[ $temporary == true ]] && rm -rf "$data"
    rm -f "$state/pid" "$state/data-dir"
    exit 1
  fi
  if (( SECONDS > deadline )); then
    echo "neo4j-server: Bolt did not answer within ${NEO4J_START_TIMEOUT:-180}s (see $state/server.log)" >&2
    bash "$here/stop.sh" >&2
    exit 1
  fi
  sleep 0.3
done
echo "bolt://127.0.0.1:$(cat "$state/port")" | tee "$state/uri"
