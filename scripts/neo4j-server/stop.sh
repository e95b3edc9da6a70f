#!/usr/bin/env bash
# Stop the server start.sh started (same $NEO4J_STATE_DIR): SIGTERM lets Neo4j
# shut down cleanly; SIGKILL only if it hangs. Then remove its temporary data.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
state="${NEO4J_STATE_DIR:-$root/.neo4j/server}"

if [[ -f $state/pid ]]; then
  pid="$(cat "$state/pid")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.3; done
    if kill -0 "$pid" 2>/dev/null; then
      echo "neo4j-server: no clean shutdown after 60s, killing $pid" >&2
      kill -KILL "$pid" || true
    fi
  fi
fi
if [[ -f $state/data-dir ]]; then
  data="$(cat "$state/data-dir")"
  # Only ever remove a folder start.sh created.
  [[ $(basename "$data") == newsgraph-neo4j.* ]] && rm -rf "$data"
fi
rm -f "$state/pid" "$state/port" "$state/uri" "$state/data-dir"
