#!/usr/bin/env bash
# Runs every benchmark (B1-B4) with short settings suited to a 2-core machine and writes
# benchmarks/RESULTS.md. Usage, from the repository root: bash benchmarks/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=benchmarks/target/results
mkdir -p "$OUT"

# One reactor build so the sibling modules resolve to their fresh jars; every module writes the
# classpath file and benchmarks, built last, has the final word.
mvn -B -q -pl benchmarks -am -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile="$PWD/$OUT/classpath.txt" -Dmdep.includeScope=runtime
CP="benchmarks/target/classes:$(cat "$OUT/classpath.txt")"

# B1 + B2 (JMH): one fork, short warm-up and measurement; -prof gc adds bytes allocated per op.
JMH_ARGS="-f 1 -wi 4 -w 1s -i 8 -r 1s -prof gc -rf json -rff $OUT/jmh.json"
java -cp "$CP" org.openjdk.jmh.Main $JMH_ARGS 'SingleUpdateBenchmark|MappingBenchmark' | tee "$OUT/jmh.txt" | grep -E '^(Benchmark|Single|Mapping)' || true
java -cp "$CP" dev.customersync.benchmarks.ResultsWriter "$OUT/jmh.json" "$OUT/b1b2.md"

# B1 paired: SDK and both baselines interleaved call by call, for ratios free of machine drift.
java -cp "$CP" dev.customersync.benchmarks.PairedUpdateRun "$OUT/b1paired.md"

# B3: bulk throughput at a latency and at a vendor's rate limit.
java -cp "$CP" dev.customersync.benchmarks.BulkThroughput "$OUT/b3.md"

# B4: a million customers in a 128 MiB heap.
java -Xmx128m -cp "$CP" dev.customersync.benchmarks.FlatMemoryRun "$OUT/b4.md"

{
  echo "# Benchmark results"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(uname -sm)"
  echo "- java: $(java -version 2>&1 | head -1)"
  echo "- command: \`bash benchmarks/run.sh\` (JMH: \`$JMH_ARGS\`)"
  echo "- all figures are ratios against a baseline measured in the same run; absolute times on a shared 2-core machine are noise"
  echo
  echo "### B1 single update, paired (the figure for the ≤ 1.05 target)"
  echo
  echo "SDK, raw (captured bytes, answers read as trees) and hand-written (prebuilt vendor DTO serialized, answers bound to the vendor DTOs) calls interleaved in rotating order, 10,000 measured rounds per vendor after 5,000 warm-up rounds; median wall time per update and the calling thread's CPU time per update."
  echo
  echo "| vendor | SDK median µs | raw median µs | hand-written median µs | SDK / raw (target ≤ 1.05) | SDK / hand-written | CPU µs SDK / raw / hand-written | CPU SDK / raw | CPU SDK / hand-written |"
  echo "|---|---|---|---|---|---|---|---|---|"
  cat "$OUT/b1paired.md"
  echo
  cat "$OUT/b1b2.md"
  echo
  echo "### B3 bulk throughput and B4 memory"
  echo
  echo "| run | size | achieved | reference | ratio | notes |"
  echo "|---|---|---|---|---|---|"
  cat "$OUT/b3.md"
  echo
  echo "| run | heap limit | peak | outcome | time |"
  echo "|---|---|---|---|---|"
  cat "$OUT/b4.md"
} > benchmarks/RESULTS.md
echo "wrote benchmarks/RESULTS.md"
