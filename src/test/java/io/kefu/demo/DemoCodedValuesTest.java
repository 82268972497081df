package io.kefu.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every coded value the demo data submits for a form field that offers a list of values is one the forms offer, so
 * that the record, the case card and the timeline show it by its label (a value no form offers shows as a raw code,
 * as 确认方式 PHONE once did). Read from the sources of the demo data and the forms in processes/, so a new demo value
 * is checked without starting anything. (Kefu itself refuses an acceptance method the form does not offer.)
 */
class DemoCodedValuesTest {

    /** {@code put("key", "VALUE")} and {@code "key", "VALUE"} in a {@code Map.of}. */
    private static final Pattern PAIR = Pattern.compile("\"(\\w+)\",\\s*\"([A-Za-z][A-Za-z0-9_]*)\"");
    /** {@code put("key", NAMES[i])}: the values of a constant array. */
    private static final Pattern FROM_ARRAY = Pattern.compile("\"(\\w+)\",\\s*([A-Z_]+)\\[");
    private static final Pattern ARRAY = Pattern.compile("String\\[\\]\\s+([A-Z_]+)\\s*=\\s*\\{([^}]*)}");
    private static final Pattern STRING = Pattern.compile("\"([^\"]*)\"");

    @Test
    void everyCodedValueTheDemoDataSubmitsIsOneTheFormsOffer() throws IOException {
        Map<String, Set<String>> offered = formOptions();
        assertThat(offered).containsKeys("acceptanceMethod", "causeType", "satisfaction", "department");
        List<String> unlabelled = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> sources = Files.list(Path.of("src/main/java/io/kefu/demo"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = Files.readString(source);
                Map<String, List<String>> arrays = new HashMap<>();
                Matcher array = ARRAY.matcher(code);
                while (array.find()) {
                    List<String> values = new ArrayList<>();
                    Matcher s = STRING.matcher(array.group(2));
                    while (s.find()) {
                        values.add(s.group(1));
                    }
                    arrays.put(array.group(1), values);
                }
                List<String[]> pairs = new ArrayList<>();
                Matcher pair = PAIR.matcher(code);
                while (pair.find()) {
                    pairs.add(new String[] {pair.group(1), pair.group(2)});
                }
                Matcher fromArray = FROM_ARRAY.matcher(code);
                while (fromArray.find()) {
                    for (String value : arrays.getOrDefault(fromArray.group(2), List.of())) {
                        pairs.add(new String[] {fromArray.group(1), value});
                    }
                }
                for (String[] p : pairs) {
                    Set<String> values = offered.get(p[0]);
                    if (values != null) {
                        checked++;
                        if (!values.contains(p[1])) {
                            unlabelled.add(source.getFileName() + ": " + p[0] + " = " + p[1] + " (forms offer " + values + ")");
                        }
                    }
                }
            }
        }
        assertThat(checked).as("coded values found in the demo data").isGreaterThan(5);
        assertThat(unlabelled).isEmpty();
    }

    /** Form field key → the values its options offer, over every form (as the timeline's labels are collected). */
    static Map<String, Set<String>> formOptions() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, Set<String>> offered = new HashMap<>();
        try (Stream<Path> files = Files.walk(Path.of("processes"))) {
            for (Path form : files.filter(p -> p.toString().endsWith(".form")).toList()) {
                collect(json.readTree(form.toFile()), offered);
            }
        }
        return offered;
    }

    private static void collect(JsonNode node, Map<String, Set<String>> offered) {
        String key = node.path("key").asText("");
        if (!key.isBlank() && node.path("values").isArray() && !node.path("values").isEmpty()) {
            for (JsonNode option : node.path("values")) {
                offered.computeIfAbsent(key, k -> new HashSet<>()).add(option.path("value").asText());
            }
        }
        node.path("components").forEach(child -> collect(child, offered));
    }
}
