package io.kefu.step;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kefu.task.PersonalFormFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Camunda Form as Kefu reads it: the fields a person fills in, each with its key, its label, its type and — for a
 * select, radio, checklist or tag list — the label of each value. The one reader of forms for the step binder, the
 * model validator and the labels of the timeline ({@code FormLabels}). Texts, images, separators and buttons are
 * not fields; groups are walked into.
 *
 * @param id     the form's id ({@code camunda:formRef} of the steps that use it)
 * @param fields the fields in the order the form shows them
 */
public record StepForm(String id, List<Field> fields) {

    /** Component types that show something but submit nothing. */
    private static final Set<String> NOT_FIELDS = Set.of("text", "html", "image", "separator", "spacer", "button",
            "group", "dynamiclist", "iframe", "table", "expression", "filepicker");

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One field of a form.
     *
     * @param type     form-js's component type: textfield, textarea, number, checkbox, radio, select, checklist,
     *                 taglist, datetime
     * @param personal the form marks it personal ({@code "properties": {"personal": "true"}}): never kept as a generic
     *                 entry nor shown outside the handler that stores it
     * @param options  value → label, for fields that offer values
     */
    public record Field(String key, String label, String type, boolean personal, Map<String, String> options) {

        /** The label a person sees: the form's, else the key (a form without labels is a manager's draft). */
        public String label() {
            return label == null || label.isBlank() ? key : label;
        }

        /** The label the form gives a value; empty when the field offers no such value. */
        public Optional<String> optionLabel(Object value) {
            return value == null ? Optional.empty() : Optional.ofNullable(options.get(String.valueOf(value)));
        }
    }

    public Optional<Field> field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    /** Reads a form's JSON; empty when it is not a form Kefu can read (the model validator says why). */
    public static Optional<StepForm> read(byte[] json) {
        try {
            return Optional.of(of(JSON.readTree(json)));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    public static StepForm of(JsonNode form) {
        List<Field> fields = new ArrayList<>();
        collect(form, fields);
        return new StepForm(form.path("id").asText(null), List.copyOf(fields));
    }

    private static void collect(JsonNode node, List<Field> fields) {
        String key = node.path("key").asText("");
        String type = node.path("type").asText("");
        if (!key.isBlank() && !NOT_FIELDS.contains(type)) {
            Map<String, String> options = new LinkedHashMap<>();
            for (JsonNode option : node.path("values")) {
                if (option.has("value")) {
                    options.putIfAbsent(option.path("value").asText(), option.path("label").asText(option.path("value").asText()));
                }
            }
            String name = key.split("\\.")[0];
            boolean personal = "true".equals(node.path("properties").path(PersonalFormFields.PERSONAL_PROPERTY).asText());
            fields.add(new Field(name, node.path("label").isTextual() ? node.path("label").asText() : null, type,
                    personal, java.util.Collections.unmodifiableMap(options)));
        }
        for (Iterator<JsonNode> children = node.path("components").elements(); children.hasNext(); ) {
            collect(children.next(), fields);
        }
    }
}
