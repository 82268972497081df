package io.kefu.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads a report's JSON as the tests compare it: headline figures by name, table rows as text ("null" for none). */
public final class ReportJson {

    public static Map<String, String> kpis(JsonNode report) {
        Map<String, String> kpis = new HashMap<>();
        report.path("kpis").forEach(k -> kpis.put(k.path("name").asText(),
                k.path("value").isMissingNode() || k.path("value").isNull() ? "null" : k.path("value").asText()));
        return kpis;
    }

    public static List<String> row(JsonNode table, String label) {
        for (JsonNode row : table.path("rows")) {
            if (row.get(0).asText().equals(label)) {
                List<String> cells = new ArrayList<>();
                row.forEach(c -> cells.add(c.isNull() ? "null" : c.asText()));
                return cells;
            }
        }
        throw new AssertionError("no row " + label + " in " + table);
    }

    /** The first cell of every row, in order. */
    public static List<String> labels(JsonNode table) {
        List<String> labels = new ArrayList<>();
        table.path("rows").forEach(r -> labels.add(r.get(0).asText()));
        return labels;
    }

    private ReportJson() {
    }
}
