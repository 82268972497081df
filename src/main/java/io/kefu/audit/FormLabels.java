package io.kefu.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import io.kefu.step.StepForm;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The labels users see in the forms, for everything else that shows a coded value (the case timeline, its CSV): one
 * source for both. Read from the Camunda Forms deployed in the engine — the latest version of each form, so that a
 * manager's redesigned form relabels the timeline too — as form-js declares them: a field's {@code label}, and its
 * options' {@code values: [{label, value}]}. Forms are read again only when a new form version is deployed.
 */
@Component
public class FormLabels {

    /** Labels by form field key. A key used by several forms takes the labels of each (first one wins per value). */
    public record Options(Map<String, String> fieldLabels, Map<String, Map<String, String>> valueLabels) {

        static final Options NONE = new Options(Map.of(), Map.of());

        /** The label the forms give {@code value} of the field {@code key}; empty when no form offers it. */
        public Optional<String> label(String key, Object value) {
            if (key == null || value == null) {
                return Optional.empty();
            }
            Map<String, String> labels = valueLabels.get(key);
            return labels == null ? Optional.empty() : Optional.ofNullable(labels.get(String.valueOf(value)));
        }

        /** Whether a form offers a list of values (options) for the field. */
        public boolean hasOptions(String key) {
            return valueLabels.containsKey(key);
        }

        /** The label of a field as its form shows it; empty when no form declares it. */
        public Optional<String> fieldLabel(String key) {
            return Optional.ofNullable(fieldLabels.get(key));
        }
    }

    private record Loaded(List<String> formIds, Options options) {
    }

    private final JdbcTemplate jdbc;
    private final RepositoryService repository;
    private final ObjectMapper json;
    private volatile Loaded loaded = new Loaded(List.of(), Options.NONE);

    FormLabels(JdbcTemplate jdbc, RepositoryService repository, ObjectMapper json) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.json = json;
    }

    /** The labels of the forms deployed now. */
    public Options current() {
        // the latest version of each form (Camunda keeps one row per deployed version); its id changes on redeploy
        List<String[]> latest = jdbc.query("""
                select f.ID_, f.DEPLOYMENT_ID_, f.RESOURCE_NAME_ from ACT_RE_CAMFORMDEF f
                where f.VERSION_ = (select max(g.VERSION_) from ACT_RE_CAMFORMDEF g where g.KEY_ = f.KEY_
                  and (g.TENANT_ID_ is null and f.TENANT_ID_ is null or g.TENANT_ID_ = f.TENANT_ID_))
                order by f.RESOURCE_NAME_, f.ID_""",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
        List<String> ids = latest.stream().map(f -> f[0]).toList();
        Loaded now = loaded;
        if (now.formIds().equals(ids)) {
            return now.options();
        }
        Map<String, String> fieldLabels = new HashMap<>();
        Map<String, Map<String, String>> valueLabels = new HashMap<>();
        for (String[] form : latest) {
            try (InputStream in = repository.getResourceAsStream(form[1], form[2])) {
                collect(json.readTree(in), fieldLabels, valueLabels);
            } catch (IOException | RuntimeException unreadable) {
                // a form that cannot be read labels nothing; its codes show as they are
            }
        }
        Options options = new Options(Map.copyOf(fieldLabels), Map.copyOf(valueLabels));
        loaded = new Loaded(ids, options);
        return options;
    }

    /** The labels of one form, read by the one form reader ({@link StepForm}). */
    static void collect(JsonNode node, Map<String, String> fieldLabels, Map<String, Map<String, String>> valueLabels) {
        for (StepForm.Field field : StepForm.of(node).fields()) {
            if (field.label() != null && !field.label().equals(field.key())) {
                fieldLabels.putIfAbsent(field.key(), field.label());
            }
            field.options().forEach((value, label) ->
                    valueLabels.computeIfAbsent(field.key(), k -> new HashMap<>()).putIfAbsent(value, label));
        }
    }
}
