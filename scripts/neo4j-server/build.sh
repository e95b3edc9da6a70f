#!/usr/bin/env bash
# Build the embedded Neo4j server (scripts/neo4j-server): compile the one class
# and copy its runtime jars from Maven Central to target/lib. Does nothing when
# the build is already newer than pom.xml and the Java source.
set -euo pipefail
cd "$(dirname "$0")"

stamp=target/.built
if [[ -f $stamp && -z $(find pom.xml src -newer "$stamp" -print -quit) ]]; then
  exit 0
fi
command -v java >/dev/null || { echo "neo4j-server: Java 17 is required (java not found)" >&2; exit 1; }
command -v mvn >/dev/null || { echo "neo4j-server: Maven is required (mvn not found)" >&2; exit 1; }
rm -rf target/lib
mvn -q -B -Dstyle.color=never package -DskipTests
touch "$stamp"
