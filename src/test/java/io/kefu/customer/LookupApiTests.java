package io.kefu.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.support.HttpApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;

/** The intake lookups (客户, 被投诉员工) and the warning when recusal leaves a department without anyone. */
class LookupApiTests extends HttpApiTest {

    @Test
    void aCustomerIsFoundByNumberOrByNameAndListedAsNumberAndName() {
        String name = unique("查找商贸");
        JsonNode customer = registerCustomer(customerRequest(name, mobile()));
        String code = customer.path("code").asText();

        JsonNode byCode = as("agent").get("/api/customers/lookup?q=" + code.toLowerCase()).json();
        assertThat(byCode).extracting(o -> o.path("code").asText()).contains(code);
        JsonNode byName = as("agent").get("/api/customers/lookup?q=" + name.substring(2)).json();
        assertThat(byName).singleElement().satisfies(o -> {
            assertThat(o.path("code").asText()).isEqualTo(code);
            assertThat(o.path("label").asText()).isEqualTo(code + " " + name);
        });
        assertThat(as("agent").get("/api/customers/lookup").json().size()).isBetween(1, 20);
    }

    @Test
    void aMembersNameIsNeitherMatchedNorShownToWhoMayNotReadIt() {
        String person = "测" + unique("会员").replace("-", "");
        Map<String, Object> request = customerRequest(person, mobile());
        request.put("type", "MEMBER");
        String code = registerCustomer(request).path("code").asText();

        assertThat(as("agent").get("/api/customers/lookup?q=" + person).json()).as("by a member's name").isEmpty();
        assertThat(as("agent").get("/api/customers/lookup?q=" + code).json()).singleElement()
                .satisfies(o -> assertThat(o.path("label").asText()).doesNotContain(person).startsWith(code + " 测*"));
        assertThat(as("supervisor").get("/api/customers/lookup?q=" + person).json()).singleElement()
                .satisfies(o -> assertThat(o.path("label").asText()).isEqualTo(code + " " + person));
    }

    @Test
    void aTooLongQueryIsABadRequestNamingIt() {
        assertInvalidFields(as("agent").get("/api/customers/lookup?q=" + "x".repeat(51)), "q");
        assertInvalidFields(as("agent").get("/api/staff?q=" + "x".repeat(51)), "q");
    }

    @Test
    void theHotlineLooksStaffUpByIdOrNameWithWhereTheyWork() {
        JsonNode found = as("agent").get("/api/staff?q=tech").json();
        assertThat(found).anySatisfy(o -> {
            assertThat(o.path("id").asText()).isEqualTo("tech");
            assertThat(o.path("label").asText()).contains("技术部");
        });
        assertThat(as("tech").get("/api/staff?q=tech").status()).isEqualTo(403);
        assertThat(as("auditor").get("/api/staff").status()).isEqualTo(403);
    }

    @Test
    void namingTheOnlyMemberOfADepartmentWarnsTheAgentAndNotesItOnTheCase() {
        List<String> finance = new ArrayList<>(identityService.createUserQuery().memberOfGroup("dept-finance").list()
                .stream().map(User::getId).toList());
        String complained = finance.size() == 1 ? finance.get(0)
                : "fin" + unique("x").substring(2, 10).replace("-", "");
        if (finance.size() != 1) {
            // a department of one for this test: 财务部 gets its only member (others are moved out and back after)
            User user = identityService.newUser(complained);
            user.setPassword(complained);
            identityService.saveUser(user);
            finance.forEach(member -> identityService.deleteMembership(member, "dept-finance"));
            identityService.createMembership(complained, "dept-finance");
        }
        try {
            Map<String, Object> request = complaintRequest(registerCustomer().path("code").asText());
            request.put("complainedEmployee", complained);
            JsonNode complaint = fileComplaint("agent", request);
            assertThat(complaint.path("warnings")).singleElement().satisfies(w -> assertThat(w.asText())
                    .contains(complained, "财务部", "唯一", "主管"));
            assertThat(complaint.path("notes")).anySatisfy(n -> assertThat(n.path("kind").asText())
                    .isEqualTo("RECUSAL_ROUTING"));
            // and the case page shows the note in its timeline
            String timeline = as("agent").get("/api/cases/" + complaint.path("caseNo").asText() + "/timeline").body();
            assertThat(timeline).contains("回避改派说明");
        } finally {
            if (finance.size() != 1) {
                identityService.deleteMembership(complained, "dept-finance");
                finance.forEach(member -> identityService.createMembership(member, "dept-finance"));
            }
        }
    }

    @Test
    void aComplaintAboutSomeoneInAFullDepartmentHasNoWarning() {
        Map<String, Object> request = complaintRequest(registerCustomer().path("code").asText());
        request.put("complainedEmployee", "agent2");
        JsonNode complaint = fileComplaint("agent", request);
        assertThat(complaint.path("warnings")).isEmpty();
    }
}
