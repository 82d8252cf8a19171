#!/usr/bin/env bash
# Runs every benchmark (B1-B5, B7) with short settings suited to a 2-core machine and writes
# benchmarks/RESULTS.md. Usage, from the repository root:
#   bash benchmarks/run.sh              everything (about 11 minutes), RESULTS.md written anew
#   bash benchmarks/run.sh b5           only B5 (about 2 minutes); its section of RESULTS.md is
#                                       replaced, every other section kept as it is
#   bash benchmarks/run.sh b6           only B6 (about 3 minutes), the same way
# Further arguments go to Maven, e.g. `bash benchmarks/run.sh b5 -o` to build offline.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=benchmarks/target/results
mkdir -p "$OUT"
ONLY="${1:-all}"
case "$ONLY" in
  all | b5 | b6) shift || true ;;
  -*) ONLY=all ;;
  *) echo "usage: bash benchmarks/run.sh [all|b5|b6] [maven options]" >&2; exit 2 ;;
esac

# One reactor build so the sibling modules resolve to their fresh jars; every module writes the
# classpath file and benchmarks, built last, has the final word. dependency:build-classpath runs
# the maven-dependency-plugin version the parent pom manages.
mvn -B -q "$@" -pl benchmarks -am -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile="$PWD/$OUT/classpath.txt" -Dmdep.includeScope=runtime
CP="benchmarks/target/classes:$(cat "$OUT/classpath.txt")"

machine() {
  echo "$(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(uname -sm)"
}

# B5: 10,000 customers, 10 % changed, through the SDK's updaters and the always-write baseline.
run_b5() {
  java -cp "$CP" dev.customersync.benchmarks.MinimalWritesRun "$OUT/b5.md"
}

b5_section() {
  echo "### B5 minimal writes: 10,000 customers, 10 % changed, three vendors at their limits"
  echo
  echo "One \`syncAll\` of 10,000 customers, each linked to Billbee, BokaMera and Storm (\`MinimalWritesRun\`), against the stateful fakes of \`sdk-testkit\`, seeded afresh for each mode: 1,000 customers (every 10th) differ from what the fakes hold (a new phone or a new first name), 9,000 equal it. *lossless* is the SDK's updaters (read, merge, write only when something changed); *always-write* is the baseline switch of the benchmark (\`--mode always-write\`, \`AlwaysWriteUpdater\`), the behaviour before: read and write the whole customer back every time, through each client's DTO API (\`getCustomer\`, \`*CustomerMapping.merge\`, \`updateCustomer\`). Reads and writes are the requests the fakes received; mails are \`FakeStorm.mailsSent()\`, keys created \`FakeBokaMera.keysCreated()\`; 429s as the clients saw them; wall s runs from the start of the run to the vendor's last outcome; mean update ms is the mean \`VendorOutcome.duration()\`."
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- machine: $(machine)"
  echo "- java: $(java -version 2>&1 | head -1)"
  echo "- command: \`bash benchmarks/run.sh b5\` (or as part of \`bash benchmarks/run.sh\`)"
  echo
  cat "$OUT/b5.md"
  echo
  echo "- **Billbee sets the pace**: its client's limiter caps the run (the share of the limiter reached is given above; on this shared machine it drops below 1 when other work takes the cores), so its wall time follows its calls. The sync engine feeds the three vendors from one reader through short queues, so BokaMera and Storm keep Billbee's pace and share its wall time. Their mean update times depend on the pace they are driven at (the lossless run drives them about 1.8 times as fast, Billbee needing 1.1 calls per customer instead of 2, on the same two cores and against fakes whose stores take one request at a time), so they are no per-update cost of the SDK; Billbee's mean includes the waits in its client's limiter."
  echo "- **The baseline mails no one and creates no key either**: the clients' DTO API it is built from writes Storm with \`UpdateCustomer3\` and \`doSendMail=false\`, and \`BokaMeraCustomerMapping\` leaves out access keys without an \`Id\`. So it measures what always writing costs in calls and time, not the side effects the old updaters had."
}

# B6: 10,000 customers by e-mail at three vendors: create, unchanged, 5 % changed, with a sync state.
run_b6() {
  java -cp "$CP" dev.customersync.benchmarks.SyncByKeyRun "$OUT/b6.md"
}

b6_section() {
  echo "### B6 sync by e-mail with a sync state: 10,000 customers, three vendors at their limits"
  echo
  echo "Three \`syncAll\` runs of 10,000 customers the fakes do not have yet, each linked to Billbee, BokaMera and Storm by e-mail (\`CustomerLink.byEmail\`), with \`createMissing(true)\` and a \`JdbcSyncStateStore\` on an H2 file (\`SyncByKeyRun\`): the first finds nothing and creates everyone; the second sends the same rows; the third changes every 20th row's phone. The baseline is today's run on the same fakes afterwards: links by the ids the first run created, no state, no page reads, so every customer is read and the changed ones written; once with nothing changed and once with 5 % changed. Calls are the requests each fake received; wall is the run's duration. Billbee's limits are scaled ×200 on fake and client as in B5; BokaMera and Storm publish none and run unthrottled."
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- machine: $(machine)"
  echo "- java: $(java -version 2>&1 | head -1)"
  echo "- command: \`bash benchmarks/run.sh b6\` (or as part of \`bash benchmarks/run.sh\`)"
  echo
  cat "$OUT/b6.md"
  echo
  echo "- **Where page reads pay** (Billbee, \`PageReads.AUTO\`): one page read costs one call and carries 250 whole customers, so reading the account's pages pays as soon as a run would otherwise make as many single reads as there are pages. The 5 % run read Billbee's 40 pages and wrote 500 customers (540 calls) where reading each changed customer would have cost 1,000; with the state, a run that changes fewer customers than the account has pages would be cheaper with single reads, which \`AUTO\` cannot know ahead, so it decides on \`expectedItems\` (or on needing the index for finds)."
  echo "- **Wall ratios** compare runs made one after the other in the same process on the same fakes; the calls are exact, the times move with the machine's load."
  echo "- **The first run** is bounded by the creates: Billbee's scaled limiter (333 calls/s) and the fakes' own pace for BokaMera's search pages and Storm's lookups, both of which scan their stores."
}

# Runs one benchmark and replaces its section of RESULTS.md (from its "### Bn " heading to the next
# ### heading) or puts it before "### Reading the figures"; every other line stays as it is.
only() {
  local n="$1"
  "run_$n"
  "${n}_section" > "$OUT/${n}section.md"
  local heading
  heading="### $(echo "$n" | tr a-z A-Z) "
  awk -v section="$OUT/${n}section.md" -v heading="$heading" '
    function emit() { while ((getline line < section) > 0) print line; print ""; done = 1 }
    index($0, heading) == 1 { skip = 1; if (!done) emit(); next }
    /^### / && skip { skip = 0 }
    /^### Reading the figures/ && !done { emit() }
    !skip { print }
    END { if (!done) { print ""; emit() } }
  ' benchmarks/RESULTS.md > "$OUT/RESULTS.md.new"
  mv "$OUT/RESULTS.md.new" benchmarks/RESULTS.md
  echo "wrote the $(echo "$n" | tr a-z A-Z) section of benchmarks/RESULTS.md"
}

if [ "$ONLY" = b5 ] || [ "$ONLY" = b6 ]; then
  only "$ONLY"
  exit 0
fi

# B1 + B2 (JMH): one fork, short warm-up and measurement; -prof gc adds bytes allocated per op.
JMH_ARGS="-f 1 -wi 4 -w 1s -i 8 -r 1s -prof gc -rf json -rff $OUT/jmh.json"
java -cp "$CP" org.openjdk.jmh.Main $JMH_ARGS 'SingleUpdateBenchmark|MappingBenchmark' | tee "$OUT/jmh.txt" | grep -E '^(Benchmark|Single|Mapping)' || true
java -cp "$CP" dev.customersync.benchmarks.ResultsWriter "$OUT/jmh.json" "$OUT/b1jmh.md" "$OUT/b2jmh.md"

# B1 paired: SDK and both baselines interleaved call by call, for ratios free of machine drift.
java -cp "$CP" dev.customersync.benchmarks.PairedUpdateRun "$OUT/b1paired.md"

# B1 listener: the same update with no listener, a counting one and the Micrometer ones, interleaved.
java -cp "$CP" dev.customersync.benchmarks.PairedListenerRun "$OUT/b1listener.md"

# B2 paired: batches of the SDK's merge-and-write and of Jackson alone, alternating.
java -cp "$CP" dev.customersync.benchmarks.PairedMappingRun "$OUT/b2paired.md"

# B3: bulk throughput at a latency and at a vendor's rate limit.
java -cp "$CP" dev.customersync.benchmarks.BulkThroughput "$OUT/b3.md"

# B4: a million customers in a 128 MiB heap, all updated, then all failing (failures to a sink file).
java -Xmx128m -cp "$CP" dev.customersync.benchmarks.FlatMemoryRun "$OUT/b4.md"
java -Xmx128m -cp "$CP" dev.customersync.benchmarks.FlatMemoryRun "$OUT/b4fail.md" --all-fail

run_b5
run_b6
# B7: 1, 2 and 4 processes sharing one Redis limiter against a 50/s vendor, and the cost per permit.
# Its children and its redis-server are started by SharedLimitRun itself (apt-get install redis-server).
java -cp "$CP" dev.customersync.benchmarks.SharedLimitRun "$OUT/b7.md"

{
  echo "# Benchmark results"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- machine: $(machine)"
  echo "- java: $(java -version 2>&1 | head -1)"
  echo "- command: \`bash benchmarks/run.sh\` (JMH: \`$JMH_ARGS\`)"
  echo "- all figures are ratios against a baseline measured in the same run; absolute times on a shared 2-core machine are noise"
  echo
  echo "### B1 single update, paired (the ratios for the ≤ 1.05 target)"
  echo
  echo "SDK, raw (captured bytes, answers read as trees) and hand-written (prebuilt vendor DTO serialized, answers bound to the vendor DTOs) calls interleaved in rotating order, 10,000 measured rounds per vendor after 5,000 warm-up rounds; median wall time per update and the calling thread's CPU time per update."
  echo
  echo "| vendor | SDK median µs | raw median µs | hand-written median µs | SDK / raw (target ≤ 1.05) | SDK / hand-written | CPU µs SDK / raw / hand-written | CPU SDK / raw | CPU SDK / hand-written |"
  echo "|---|---|---|---|---|---|---|---|---|"
  cat "$OUT/b1paired.md"
  echo
  cat "$OUT/b1jmh.md"
  echo
  echo "### B1 listener: one update with and without a listener, paired"
  echo
  echo "The SDK update of B1 through five clients that differ only in their listener, interleaved in a new random order each round (the loop and rounds of the B1 paired run): none (the default), none again (a second identical client: its ratio is the run's noise), a listener counting every event in a \`LongAdder\`, \`MicrometerVendorCallListener\` on a \`SimpleMeterRegistry\`, and \`ObservationVendorCallListener\` on an \`ObservationRegistry\` whose \`DefaultMeterObservationHandler\` records into a \`SimpleMeterRegistry\` (with the extra meters). Median wall time per update over “none”, and the calling thread's CPU time per update over “none”."
  echo
  echo "| vendor | none median µs | none again / none | counting / none | Micrometer meters / none | Observation / none | CPU µs none | CPU none again / none | CPU counting / none | CPU meters / none | CPU Observation / none |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
  cat "$OUT/b1listener.md"
  echo
  echo "### B2 mapping + serialization, paired (the ratios for the ≤ 1.3 target)"
  echo
  echo "Neutral \`Customer\` → merged vendor DTO → JSON bytes, against Jackson writing the prebuilt DTO: batches of 2,000 operations of each, alternating in rotating order, 400 measured batches each after 100 warm-up batches; median ns per operation."
  echo
  echo "| vendor | SDK merge + write ns/op | Jackson only ns/op | ratio (target ≤ 1.3) |"
  echo "|---|---|---|---|"
  cat "$OUT/b2paired.md"
  echo
  cat "$OUT/b2jmh.md"
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
  cat "$OUT/b4fail.md"
  echo
  b5_section
  b6_section
  echo "### B7 several processes sharing one budget through Redis"
  echo
  echo "600 customers (1,200 requests) split between 1, 2 or 4 JVMs, each with its own client and \`RedisRateLimiter\` (one rule, 48/s, 4 % under the vendor's 50/s), started together after warming up against an unthrottled copy of the vendor; the rate is the vendor's: requests after the first over the time from the first to the last. Then the limiter's own cost when no permit waits."
  echo
  echo "| run | size | achieved | reference | ratio | notes |"
  echo "|---|---|---|---|---|---|"
  grep '^| B7 [0-9]' "$OUT/b7.md"
  echo
  echo "| run | Redis limiter | in-memory limiter | Redis / in-memory | how |"
  echo "|---|---|---|---|---|"
  grep '^| B7 cost' "$OUT/b7.md"
  echo
  echo "### Reading the figures"
  echo
  echo "- **B1, SDK / raw** compares against a floor: raw sends bytes captured from the SDK and reads the answers as trees. Any integration with typed objects serializes its DTO and binds the answers, which the hand-written column does with the SDK's own DTO classes; the gap between raw and hand-written is Jackson databind. **SDK / hand-written** is the SDK's own work on top: validation, the read-merge, building URLs and requests, rate-limit and retry plumbing, redaction."
  echo "- **B1 listener**: \"none again / none\" is the noise of the run; no listener set costs nothing beyond it (the client builds no event data). The counting listener's 1 % is the SPI's own cost once a listener is set (the event data, the timings, the guard around the listener); the rest of each Micrometer column is Micrometer's (meter lookups; for an Observation also its context, convention, handlers and long-task timer), a few microseconds a call, which a vendor call of tens of milliseconds does not notice."
  echo "- **B3a against the ideal** is bounded by the fake on this machine: 20 ms sleeps overshoot by about 0.2 ms, and MockWebServer serves each connection on its own thread on the same 2 cores, so 16 raw OkHttp threads do not reach 800/s either. **SDK / raw** is the SDK's share of the loss."
  echo "- **B7**'s margin is wider than B3b's because a permit is granted in one JVM and counted at the vendor when the request arrives: a pause of any process (or of the vendor) between the two bunches requests, and with 4 % the pause may last 42 ms before a second holds 51. The cost per permit is two Redis round trips (Bucket4j's read and compare-and-swap) per rule, next to a few nanoseconds in memory: against a vendor call of hundreds of microseconds to a limit of 2/s, it is the price of sharing."
  echo "- **B3b**'s limiter is set 2.5 % under the vendor's 50/s: the permit is granted before the request leaves, and a pause between the two (a GC, a descheduled thread) can bunch requests into one second at the vendor."
} > benchmarks/RESULTS.md
echo "wrote benchmarks/RESULTS.md"
