package dev.customersync.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns JMH's JSON results into the B1 and B2 tables of {@code RESULTS.md}, with each SDK figure
 * divided by its baseline from the same run. Arguments: the JMH JSON file and the B1 and B2 output fragments.
 */
public final class ResultsWriter {

  private ResultsWriter() {}

  public static void main(String[] args) throws Exception {
    JsonNode runs = new ObjectMapper().readTree(Path.of(args[0]).toFile());
    Map<String, double[]> scores = new LinkedHashMap<>();
    for (JsonNode run : runs) {
      String name = run.get("benchmark").asText();
      name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
      JsonNode vendor = run.path("params").path("vendor");
      String key = name + (vendor.isMissingNode() ? "" : "[" + vendor.asText() + "]");
      double score = run.path("primaryMetric").path("score").asDouble();
      double error = run.path("primaryMetric").path("scoreError").asDouble();
      double alloc = run.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score").asDouble(Double.NaN);
      scores.put(key, new double[] {score, error, alloc});
    }
    StringBuilder md = new StringBuilder();
    md.append("### B1 single update, JMH: bytes allocated per update\n\n");
    md.append("JMH runs one benchmark after another; on this shared machine the times drift too much between them to "
        + "divide (see the ± columns), so the ratios come from the paired run above. Allocation does not drift.\n\n");
    md.append("| vendor | SDK bytes/update | raw bytes/update | hand-written bytes/update | SDK µs/op | raw µs/op | hand-written µs/op |"
        + "\n|---|---|---|---|---|---|---|\n");
    for (String v : new String[] {"BOKAMERA", "BILLBEE", "STORM"}) {
      double[] sdk = scores.get("SingleUpdateBenchmark.sdkUpdate[" + v + "]");
      double[] raw = scores.get("SingleUpdateBenchmark.rawOkHttp[" + v + "]");
      double[] dtos = scores.get("SingleUpdateBenchmark.handWrittenDtos[" + v + "]");
      if (sdk != null && raw != null && dtos != null) {
        md.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %,.0f | %.1f ± %.1f | %.1f ± %.1f | %.1f ± %.1f |%n",
            v.toLowerCase(Locale.ROOT), sdk[2], raw[2], dtos[2], sdk[0], sdk[1], raw[0], raw[1], dtos[0], dtos[1]));
      }
    }
    Files.writeString(Path.of(args[1]), md.toString());
    System.out.print(md);
    md.setLength(0);
    md.append("### B2 mapping + serialization, JMH: bytes allocated per update\n\n");
    md.append("| vendor | SDK merge + write, bytes/op | Jackson only, bytes/op | SDK ns/op | Jackson ns/op |\n|---|---|---|---|---|\n");
    for (String v : new String[] {"bokamera", "billbee", "storm"}) {
      double[] sdk = scores.get("MappingBenchmark." + v + "Sdk");
      double[] raw = scores.get("MappingBenchmark." + v + "JacksonOnly");
      if (sdk != null && raw != null) {
        md.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %.0f ± %.0f | %.0f ± %.0f |%n",
            v, sdk[2], raw[2], sdk[0], sdk[1], raw[0], raw[1]));
      }
    }
    Files.writeString(Path.of(args[2]), md.toString());
    System.out.print(md);
  }
}
