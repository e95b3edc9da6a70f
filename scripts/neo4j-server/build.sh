#!/usr/bin/env bash
# Build the embedded Neo4j server (scripts/neo4j-server): compile the one class
# and copy its runtime jars from Maven Central to target/lib. Does nothing when
# the build is already newer than pom.xml and the Java source. Test runs that
# start at once share one build (a lock), never two Mavens writing target/.
# Everything it prints goes to standard error: start.sh's standard output is
# the server's URI and nothing else.
set -euo pipefail
exec 1>&2
cd "$(dirname "$0")"

stamp=target/.built
fresh() { [[ -f $stamp && -z $(find pom.xml src -newer "$stamp" -print -quit) ]]; }
fresh && exit 0
command -v java >/dev/null || { echo "neo4j-server: Java 17 is required (java not found)" >&2; exit 1; }
command -v mvn >/dev/null || { echo "neo4j-server: Maven is required (mvn not found)" >&2; exit 1; }
mkdir -p target
exec 9> target/.build.lock
flock 9
fresh && exit 0   # another run built it while we waited
rm -rf target/lib "$stamp"
mvn -q -B -Dstyle.color=never package -DskipTests
touch "$stamp"
