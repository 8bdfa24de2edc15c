#!/usr/bin/env bash
# Fetch Apache Jena Fuseki (the runnable jena-fuseki-server jar) from Maven
# Central into .cache/fuseki/ of this checkout, with Maven's checksum check.
# Idempotent: does nothing when the jar is already there.  Prints the jar's
# path on stdout (Maven's output goes to stderr).
#   FUSEKI_VERSION  (default 5.6.0)
#   FUSEKI_CACHE    (default <repo>/.cache/fuseki)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSION="${FUSEKI_VERSION:-5.6.0}"
DEST="${FUSEKI_CACHE:-$ROOT/.cache/fuseki}"
JAR="$DEST/jena-fuseki-server-$VERSION.jar"
if [ -s "$JAR" ]; then
  echo "$JAR"
  exit 0
fi
if ! command -v mvn >/dev/null 2>&1; then
  echo "fetch-fuseki: mvn (Apache Maven) is not installed; install it (apt-get install maven)" >&2
  exit 2
fi
mkdir -p "$DEST"
mvn -B -q -C -Dstyle.color=never \
  org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy \
  "-Dartifact=org.apache.jena:jena-fuseki-server:$VERSION:jar" \
  "-DoutputDirectory=$DEST" >&2
if [ ! -s "$JAR" ]; then
  echo "fetch-fuseki: Maven finished but $JAR is missing" >&2
  exit 1
fi
echo "$JAR"
