#!/usr/bin/env bash
# neo4j-admin (Neo4j Community 5.26) from the embedded server's own jars, for
# a machine with no Neo4j installed: `bash neo4j-admin.sh database import full …`.
# NEO4J_HOME (required) is the installation folder it works on: its data/
# folder is what start.sh serves with NEO4J_DATA_DIR=$NEO4J_HOME.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
: "${NEO4J_HOME:?set NEO4J_HOME to the folder to import into (start.sh serves it with NEO4J_DATA_DIR)}"
bash "$here/build.sh"
mkdir -p "$NEO4J_HOME/conf"
touch "$NEO4J_HOME/conf/neo4j.conf"
export NEO4J_HOME NEO4J_CONF="$NEO4J_HOME/conf"
exec java -cp "$here/target/classes:$here/target/lib/*" org.neo4j.cli.AdminTool "$@"
