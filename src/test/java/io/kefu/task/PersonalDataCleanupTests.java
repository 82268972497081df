package io.kefu.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.support.HttpApiTest;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one-time cleanup of what earlier versions left in the engine: full phone numbers and names in the history of
 * form fields and variables, personal variables left at runtime, unmasked case cards.
 */
class PersonalDataCleanupTests extends HttpApiTest {

    @Autowired
    PersonalDataCleanup cleanup;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void personalDataLeftByEarlierVersionsIsTakenOutOnceAndTheCardsAreWrittenAgainMasked() {
        String name = "上官" + unique("婉").substring(0, 4);
        String phone = mobile();
        Map<String, Object> request = complaintRequest(registerCustomer().path("code").asText());
        request.put("complainantName", name);
        request.put("complainantPhone", phone);
        JsonNode complaint = fileComplaint("agent", request);
        String instance = complaint.path("processInstanceId").asText();
        Task task = assessmentTask(complaint);

        // what an earlier version left: an unmasked card (runtime and history), a form field never removed, and the
        // history of the start form's fields (one of them a byte array)
        taskService.setVariableLocal(task.getId(), CaseCardProvider.VARIABLE, "| 投诉人 | " + name + " / " + phone + " |");
        runtimeService.setVariable(instance, "complainantPhone", phone);
        Timestamp now = new Timestamp(System.currentTimeMillis());
        jdbc.update("insert into ACT_HI_DETAIL (ID_, TYPE_, TIME_, NAME_, PROC_INST_ID_, EXECUTION_ID_, TEXT_)"
                + " values (?, 'FormProperty', ?, 'complainantName', ?, ?, ?)", UUID.randomUUID().toString(), now,
                instance, instance, name);
        String bytes = UUID.randomUUID().toString();
        jdbc.update("insert into ACT_GE_BYTEARRAY (ID_, REV_, NAME_, BYTES_, TYPE_, CREATE_TIME_) values (?, 1, ?, ?, 3, ?)",
                bytes, "complainantPhone", phone.getBytes(StandardCharsets.UTF_8), now);
        jdbc.update("insert into ACT_HI_VARINST (ID_, PROC_INST_ID_, EXECUTION_ID_, NAME_, VAR_TYPE_, CREATE_TIME_,"
                + " REV_, BYTEARRAY_ID_, STATE_) values (?, ?, ?, 'complainantPhone', 'bytes', ?, 0, ?, 'CREATED')",
                UUID.randomUUID().toString(), instance, instance, now, bytes);
        assertThat(engineRows(instance)).anySatisfy(row -> assertThat(row).contains(phone));
        assertThat(engineRows(instance)).anySatisfy(row -> assertThat(row).contains(name));

        PersonalDataCleanup.Outcome outcome = cleanup.cleanUp();

        assertThat(outcome.runtimeVariables()).isGreaterThanOrEqualTo(1);
        assertThat(outcome.byteArrays()).isGreaterThanOrEqualTo(1);
        assertThat(engineRows(instance)).isNotEmpty()
                .allSatisfy(row -> assertThat(row).doesNotContain(phone, name));
        assertThat(jdbc.queryForObject("select count(*) from ACT_GE_BYTEARRAY where ID_ = ?", Integer.class, bytes))
                .isZero();
        assertThat(runtimeService.getVariable(instance, "complainantPhone")).isNull();
        String card = (String) taskService.getVariableLocal(task.getId(), CaseCardProvider.VARIABLE);
        assertThat(card).contains(complaint.path("caseNo").asText(), name.charAt(0) + "***",
                phone.substring(0, 3) + "****" + phone.substring(7)).doesNotContain(phone, name);

        // again: nothing personal left to remove, the card stays, and at startup it runs only once per database
        PersonalDataCleanup.Outcome again = cleanup.cleanUp();
        assertThat(again.runtimeVariables()).isZero();
        assertThat(again.byteArrays()).isZero();
        assertThat(taskService.getVariableLocal(task.getId(), CaseCardProvider.VARIABLE)).isEqualTo(card);
        assertThat(cleanup.done()).isTrue();
        assertThat(cleanup.runOnce()).isFalse();
    }

    /** The variable and history rows of the process instance, and the byte arrays they point to, as text. */
    private List<String> engineRows(String instance) {
        List<String> rows = new ArrayList<>();
        for (String table : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL")) {
            rows.addAll(jdbc.query("select NAME_, TEXT_, TEXT2_ from " + table + " where PROC_INST_ID_ = ?",
                    (rs, i) -> table + " " + rs.getString(1) + " = " + rs.getString(2) + " / " + rs.getString(3),
                    instance));
            rows.addAll(jdbc.query("select b.BYTES_ from ACT_GE_BYTEARRAY b join " + table + " v on v.BYTEARRAY_ID_ = b.ID_"
                    + " where v.PROC_INST_ID_ = ?", (rs, i) -> new String(rs.getBytes(1), StandardCharsets.UTF_8),
                    instance));
        }
        return rows;
    }
}
