package io.kefu.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.complaint.process.ComplaintProcess;
import io.kefu.contract.process.ContractProcess;
import io.kefu.support.HttpApiTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * No full phone number, and no complainant's or contact's name, in any engine variable or history row that an auditor
 * or a department user can read: real cases are started through the start forms (as Tasklist does) and Kefu's API,
 * their tasks worked, and then every engine REST route that shows variables or history is read, and Camunda's tables
 * are queried directly.
 */
class PersonalDataInEngineTests extends HttpApiTest {

    /** A mainland mobile number standing alone. */
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])1[3-9][0-9]{9}(?![0-9])");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PersonalFormFields personalFields;

    @Test
    void theFormsDeclareWhichOfTheirFieldsArePersonal() {
        assertThat(personalFields.names()).contains("complainantName", "complainantPhone", "contactName",
                "contactPhone", "address", "consignee")
                .doesNotContain("customerCode", "description", "name", "caseSummary");
    }

    @Test
    void noFullPhoneNumberOrNameReachesWhatAuditorsAndDepartmentsReadInTheEngine() {
        JsonNode customer = registerCustomer();
        String customerPhone = customer.path("contacts").get(0).path("phone").asText();
        String customerContact = customer.path("contacts").get(0).path("name").asText();
        String code = customer.path("code").asText();
        List<String> secrets = new ArrayList<>(List.of(customerPhone, customerContact));
        List<String> instances = new ArrayList<>();

        // a complaint taken on the hotline through the start form, worked up to the department
        String complainant = "欧阳" + unique("娜").substring(0, 4);
        String complainantPhone = mobile();
        secrets.addAll(List.of(complainant, complainantPhone));
        Map<String, Object> intake = new LinkedHashMap<>();
        intake.put("customerCode", code);
        intake.put("complainantName", complainant);
        intake.put("complainantPhone", complainantPhone);
        intake.put("channel", "HOTLINE");
        intake.put("category", "PRODUCT_QUALITY");
        intake.put("severity", "MINOR");
        String quotedPhone = mobile();
        secrets.add(quotedPhone);
        intake.put("description", "收到的货物有破损,客户另留电话 " + quotedPhone);
        intake.put("customerRequest", "换货");
        String complaint = startForm("agent", "complaint-handling", intake);
        instances.add(complaint);
        Task assessment = taskOf(complaint);
        Response assessed = as("agent").post("/engine-rest/task/" + assessment.getId() + "/submit-form",
                Map.of("variables", variables(validAssessment("tech"))));
        assertThat(assessed.status()).as("%s", assessed).isEqualTo(204);
        assertThat(taskOf(complaint).getTaskDefinitionKey()).isEqualTo(ComplaintProcess.TASK_INVESTIGATE);

        // a complaint filed through Kefu's API
        Map<String, Object> filed = complaintRequest(code);
        String filedPhone = mobile();
        filed.put("complainantPhone", filedPhone);
        secrets.add(filedPhone);
        instances.add(fileComplaint("agent", filed).path("processInstanceId").asText());

        // a prospect through the contract onboarding's start form
        String contactName = "诸葛" + unique("明").substring(0, 4);
        String contactPhone = mobile();
        String address = "浙江省杭州市西湖区文三路" + unique("号");
        secrets.addAll(List.of(contactName, contactPhone, address));
        Map<String, Object> prospect = new LinkedHashMap<>();
        prospect.put("type", "FRANCHISEE");
        prospect.put("name", unique("加盟商"));
        prospect.put("tier", "B");
        prospect.put("contactName", contactName);
        prospect.put("contactPhone", contactPhone);
        prospect.put("address", address);
        prospect.put("region", "华东");
        String onboarding = startForm("agent", "contract-onboarding", prospect);
        instances.add(onboarding);

        // a delivery follow-up of the dealer's order, with its consignee
        String consignee = "司马" + unique("光").substring(0, 4);
        secrets.add(consignee);
        Map<String, Object> delivery = new LinkedHashMap<>();
        delivery.put("customerCode", code);
        delivery.put("orderNo", unique("DO"));
        delivery.put("deliveredOn", LocalDate.now().minusDays(1).toString());
        delivery.put("consignee", consignee);
        instances.add(startForm("agent", "delivery-follow-up", delivery));

        // the domain has every value; those entitled read them in full through Kefu
        Object complaintId = runtimeService.getVariable(complaint, ComplaintProcess.COMPLAINT_ID);
        assertThat(as("agent").get("/api/complaints/" + complaintId).json().path("complainantPhone").asText())
                .isEqualTo(complainantPhone);
        Object contractId = runtimeService.getVariable(onboarding, ContractProcess.CONTRACT_ID);
        assertThat(as("supervisor").get("/api/contracts/" + contractId).body()).contains(contactName, contactPhone);

        List<String> taskIds = taskService.createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new))
                .list().stream().map(Task::getId).toList();
        assertThat(taskIds).hasSizeGreaterThanOrEqualTo(instances.size());
        String ids = String.join(",", instances);
        for (String reader : List.of("auditor", "tech")) {
            List<String> routes = new ArrayList<>(List.of(
                    "/engine-rest/variable-instance?processInstanceIdIn=" + ids,
                    "/engine-rest/history/variable-instance?processInstanceIdIn=" + ids,
                    "/engine-rest/history/variable-instance?processInstanceIdIn=" + ids + "&includeDeleted=true"));
            for (String instance : instances) {
                routes.add("/engine-rest/history/detail?processInstanceId=" + instance);
                routes.add("/engine-rest/history/user-operation?processInstanceId=" + instance);
                routes.add("/engine-rest/process-instance/" + instance + "/variables");
            }
            for (String task : taskIds) {
                routes.add("/engine-rest/task/" + task + "/variables");
                routes.add("/engine-rest/task/" + task + "/form-variables");
            }
            for (String route : routes) {
                for (String path : List.of(route, route.replace("/engine-rest/", "/camunda/api/engine/engine/default/"))) {
                    Response response = as(reader).get(path);
                    assertNothingPersonal(reader + " GET " + path, response.body(), secrets);
                }
            }
        }
        // the assignee too: the owner's own card is masked
        for (String task : taskIds) {
            assertNothingPersonal("task " + task + " as a whole",
                    String.valueOf(taskService.getVariables(task)), secrets);
        }

        String in = String.join(", ", Collections.nCopies(instances.size(), "?"));
        Object[] args = instances.toArray();
        List<String> rows = new ArrayList<>();
        rows.addAll(texts("select NAME_, TEXT_, TEXT2_ from ACT_RU_VARIABLE where PROC_INST_ID_ in (" + in + ")", args));
        rows.addAll(texts("select NAME_, TEXT_, TEXT2_ from ACT_HI_VARINST where PROC_INST_ID_ in (" + in + ")", args));
        rows.addAll(texts("select NAME_, TEXT_, TEXT2_ from ACT_HI_DETAIL where PROC_INST_ID_ in (" + in + ")", args));
        rows.addAll(texts("select PROPERTY_, ORG_VALUE_, NEW_VALUE_ from ACT_HI_OP_LOG where PROC_INST_ID_ in (" + in
                + ")", args));
        for (String table : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL")) {
            jdbc.queryForList("select b.BYTES_ from ACT_GE_BYTEARRAY b join " + table + " v on v.BYTEARRAY_ID_ = b.ID_"
                    + " where v.PROC_INST_ID_ in (" + in + ")", byte[].class, args)
                    .forEach(bytes -> rows.add(new String(bytes, StandardCharsets.UTF_8)));
        }
        assertThat(rows).as("rows of the cases in Camunda's tables").isNotEmpty();
        rows.forEach(row -> assertNothingPersonal("row " + row, row, secrets));
        assertThat(jdbc.queryForObject("select count(*) from ACT_HI_DETAIL where PROC_INST_ID_ in (" + in
                + ") and NAME_ in ('complainantPhone', 'complainantName', 'contactPhone', 'contactName', 'address',"
                + " 'consignee')", Integer.class, args)).isZero();
    }

    private static void assertNothingPersonal(String where, String text, List<String> secrets) {
        assertThat(text).as(where).doesNotContain(secrets);
        assertThat(MOBILE.matcher(text).find()).as("a full mobile number in %s: %s", where, text).isFalse();
    }

    private List<String> texts(String sql, Object... args) {
        return jdbc.query(sql, (rs, i) -> rs.getString(1) + " = " + rs.getString(2) + " / " + rs.getString(3), args);
    }

    /** Starts the process through its start form as Tasklist does; the new process instance's id. */
    private String startForm(String user, String processKey, Map<String, Object> fields) {
        Response started = as(user).post("/engine-rest/process-definition/key/" + processKey + "/submit-form",
                Map.of("variables", variables(fields)));
        assertThat(started.status()).as("starting %s: %s", processKey, started).isEqualTo(200);
        return started.json().path("id").asText();
    }

    private static Map<String, Object> variables(Map<String, Object> fields) {
        Map<String, Object> variables = new LinkedHashMap<>();
        fields.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return variables;
    }

    private Task taskOf(String processInstanceId) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    }
}
