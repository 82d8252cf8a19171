package dev.customersync.bokamera;

import com.fasterxml.jackson.databind.JsonNode;
import dev.customersync.core.spi.VendorResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One answer of {@code GET /customers} as exact trees: its results, its {@code Total} when the
 * answer is a ServiceStack {@code QueryResponse} that carries one (a bare JSON array carries none),
 * and the response they came in.
 *
 * @param results the customers of the page, in BokaMera's order
 * @param total how many customers match in all, or null when the answer does not say
 * @param bare whether the answer was a bare JSON array rather than a {@code QueryResponse}
 * @param response the answer, for attempts and error messages
 */
record BokaMeraResultPage(List<JsonNode> results, @Nullable Integer total, boolean bare, VendorResponse response) {}
