package io.kefu.step;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Generic case entries: what a person submitted at a step Kefu has no handler for — a manager's new step works the
 * day it is deployed — or the fields of a known step its handler does not read. Each entry keeps who and when, the
 * step's name and, per field, the form's label and the value as the form showed it (so a later form does not relabel
 * history). Personal fields are never kept.
 */
@Service
public class StepEntries {

    /** One field of an entry: the form's label, the value as shown and as submitted (a code, for options). */
    public record Field(String key, String label, String display, String code) {
    }

    /** One entry. */
    public record Entry(long id, Instant at, String actor, String caseKey, String processInstanceId, String processKey,
            String taskKey, String taskName, String formId, List<Field> fields) {

        /** 「label:value;…」 as shown on the timeline and the case card. */
        public String text() {
            return fields.stream().map(f -> f.label() + ":" + f.display()).collect(Collectors.joining(";"));
        }

        /** The same with the submitted codes, where a label replaced them. */
        public String codes() {
            return fields.stream().map(f -> f.key() + "=" + f.code()).collect(Collectors.joining(";"));
        }
    }

    private static final TypeReference<List<Field>> FIELDS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    StepEntries(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Keeps these values of the step (personal ones are refused here too). */
    void keep(StepRecord step, List<StepRecord.Value> values) {
        List<Field> fields = values.stream().filter(v -> !v.personal())
                .map(v -> new Field(v.key(), v.label(), v.display(), v.value() == null
                        ? null : String.valueOf(v.value())))
                .toList();
        if (fields.isEmpty()) {
            return;
        }
        try {
            jdbc.update("""
                    insert into step_entry (recorded_at, actor, case_key, process_instance_id, process_key, task_key,
                      task_name, form_id, fields) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    Timestamp.from(step.at()), step.actor(), step.caseKey(), step.processInstanceId(),
                    step.processKey(), step.taskKey(), step.taskName(), step.formId(), json.writeValueAsString(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the step's fields", e);
        }
    }

    /** The entries of a case (business key), oldest first. */
    public List<Entry> ofCase(String caseKey) {
        return jdbc.query("select * from step_entry where case_key = ? order by recorded_at, id", this::entry, caseKey);
    }

    /** The entries of one process instance, oldest first. */
    public List<Entry> ofInstance(String processInstanceId) {
        return jdbc.query("select * from step_entry where process_instance_id = ? order by recorded_at, id",
                this::entry, processInstanceId);
    }

    private Entry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        List<Field> fields;
        try {
            fields = json.readValue(rs.getString("fields"), FIELDS);
        } catch (JsonProcessingException e) {
            fields = List.of();
        }
        return new Entry(rs.getLong("id"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("actor"),
                rs.getString("case_key"), rs.getString("process_instance_id"), rs.getString("process_key"),
                rs.getString("task_key"), rs.getString("task_name"), rs.getString("form_id"), fields);
    }
}
