#!/usr/bin/env bash
# Compiles a Maven project (tests skipped) and prints its runtime classpath: target/classes and every compile and
# runtime dependency, from Maven's own resolved dependency tree (-X), as paths in the local repository. The benchmark
# starts both apps with plain `java -cp`, which needs no plugin beyond the ones Kefu's build uses offline.
#   bash docs/benchmark/classpath.sh PROJECT_DIR > classpath.txt
set -euo pipefail
dir="$1"
repo="${MAVEN_REPO:-$HOME/.m2/repository}"
log=$(mktemp)
if ! mvn -B -ntp -o -X -f "$dir/pom.xml" -Dmaven.test.skip=true test >"$log" 2>&1; then
  grep '\[ERROR\]' "$log" >&2 || tail -20 "$log" >&2
  rm -f "$log"; exit 1
fi
{
  echo "$(cd "$dir" && pwd)/target/classes"
  # surefire's map of the project's resolved artifacts, each with its scope (test-scoped ones are left out)
  grep -m1 ') projectArtifactMap = ' "$log" | grep -o '=[a-zA-Z][^ ,}=]*:\(compile\|runtime\)' | tr -d '=' | sort -u |
  while IFS=: read -r g a t c v s; do
    if [ -z "${s:-}" ]; then v="$c"; c=""; fi
    echo "$repo/${g//.//}/$a/$v/$a-$v${c:+-$c}.$t"
  done
} | awk '!seen[$0]++' | paste -sd:
rm -f "$log"
