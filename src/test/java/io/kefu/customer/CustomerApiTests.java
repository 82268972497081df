package io.kefu.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.support.HttpApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;

/** The customer registry over HTTP: registering, reading, updating, searching, and who sees personal data. */
class CustomerApiTests extends HttpApiTest {

    @Autowired
    CustomerRepository customers;

    // ---- register --------------------------------------------------------------------------------------------

    @Test
    void registeringACustomerAnswers201WithItsLocationAndACustomerCode() {
        String name = unique("杭州金辰商贸");
        Response created = as("agent").post("/api/customers", customerRequest(name, "13812345678"));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode customer = created.json();
        long id = customer.path("id").asLong();
        assertThat(customer.path("code").asText()).matches("C\\d{5,}").isEqualTo(String.format("C%05d", id));
        assertThat(customer.path("name").asText()).isEqualTo(name);
        assertThat(customer.path("type").asText()).isEqualTo("DEALER");
        assertThat(customer.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(created.headers().getLocation()).isNotNull();
        assertThat(created.headers().getLocation().getPath()).isEqualTo("/api/customers/" + id);

        Response read = as("supervisor").get(created.headers().getLocation().getPath());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("code").asText()).isEqualTo(customer.path("code").asText());
        assertThat(read.json().path("contacts").get(0).path("phone").asText()).isEqualTo("13812345678");
        assertThat(customers.findByCode(customer.path("code").asText())).isPresent();
    }

    static Stream<Arguments> badCustomerInput() {
        return Stream.of(
                Arguments.of("blank name", (Consumer<Map<String, Object>>) r -> r.put("name", "   "), "name"),
                Arguments.of("missing type", (Consumer<Map<String, Object>>) r -> r.remove("type"), "type"),
                Arguments.of("missing tier", (Consumer<Map<String, Object>>) r -> r.put("tier", null), "tier"),
                Arguments.of("invalid contact phone", (Consumer<Map<String, Object>>) r -> r.put("contacts",
                        List.of(contact("王五", "call me maybe"))), "contacts[0].phone"),
                Arguments.of("second contact without a name", (Consumer<Map<String, Object>>) r -> r.put("contacts",
                        List.of(contact("王五", "13800000000"), contact("", "13800000001"))), "contacts[1].name"),
                Arguments.of("no contacts", (Consumer<Map<String, Object>>) r -> r.put("contacts", List.of()),
                        "contacts"),
                Arguments.of("negative storeCount", (Consumer<Map<String, Object>>) r -> r.put("storeCount", -1),
                        "storeCount"),
                Arguments.of("unknown enum value", (Consumer<Map<String, Object>>) r -> r.put("type", "ALIEN"), "type"),
                Arguments.of("unknown tier", (Consumer<Map<String, Object>>) r -> r.put("tier", "Z"), "tier"),
                Arguments.of("text for a number", (Consumer<Map<String, Object>>) r -> r.put("storeCount", "many"),
                        "storeCount"),
                Arguments.of("unknown specialist", (Consumer<Map<String, Object>>) r -> r.put("specialist",
                        "no-such-user"), "specialist"),
                Arguments.of("malformed email", (Consumer<Map<String, Object>>) r -> r.put("email", "zhang.at.example"),
                        "email"));
    }

    @ParameterizedTest(name = "{0} → 400 naming {2}")
    @MethodSource("badCustomerInput")
    void badInputIsAnswered400NamingTheFieldAndNothingIsSaved(String what, Consumer<Map<String, Object>> breakIt,
            String field) {
        Map<String, Object> request = customerRequest(unique("坏输入"), mobile());
        breakIt.accept(request);
        long before = customers.count();

        // a supervisor, who may also name the specialist: an unknown one is bad input, not a refusal
        Response response = as("supervisor").post("/api/customers", request);

        assertInvalidFields(response, field);
        assertThat(customers.count()).isEqualTo(before);
    }

    @Test
    void everyBadFieldOfOneRequestIsNamed() {
        Map<String, Object> request = customerRequest("", "12");
        request.remove("type");
        request.put("storeCount", -5);
        request.put("contacts", List.of(contact("王五", "not a phone")));
        long before = customers.count();

        Response response = as("agent").post("/api/customers", request);

        JsonNode problem = assertInvalidFields(response, "name", "type", "contacts[0].phone", "storeCount");
        assertThat(problem.path("detail").asText()).contains("name", "type", "contacts[0].phone", "storeCount");
        assertThat(customers.count()).isEqualTo(before);
    }

    @ParameterizedTest(name = "body: {0}")
    @ValueSource(strings = {"{\"name\": \"未闭合", "not json at all", "[1, 2, 3]", ""})
    void malformedJsonIsAnswered400Not500(String body) {
        long before = customers.count();

        Response response = as("agent").post("/api/customers", body);

        assertProblem(response, 400);
        assertThat(customers.count()).isEqualTo(before);
    }

    @Test
    void anUnknownCustomerIsAnswered404ProblemDetails() {
        Response response = as("supervisor").get("/api/customers/987654321");

        assertProblem(response, 404);
    }

    @Test
    void aCustomerIdThatIsNotANumberIsAnswered400() {
        Response response = as("supervisor").get("/api/customers/abc");

        assertInvalidFields(response, "id");
    }

    // ---- personal data ---------------------------------------------------------------------------------------

    @Test
    void phonesAreMaskedForAnAgentWhoIsNotTheSpecialistAndForAuditors() {
        String phone = mobile();
        Map<String, Object> request = customerRequest(unique("面具"), phone);
        request.put("specialist", "agent");
        long id = registerCustomer(request).path("id").asLong();

        for (String user : List.of("agent2", "auditor", "tech")) {
            JsonNode seen = as(user).get("/api/customers/" + id).json();
            assertThat(seen.path("contacts").get(0).path("phone").asText()).as(user).isEqualTo("138****5678");
            assertThat(seen.path("contacts").get(0).path("name").asText()).as(user).isEqualTo("张**");
            assertThat(seen.path("address").asText()).as(user).isEqualTo("浙江省杭州市****");
            assertThat(seen.path("personalDataMasked").asBoolean()).as(user).isTrue();
            assertThat(seen.toString()).as(user).doesNotContain(phone);

        }
        // an agent looks callers up by number (departments and auditors may not: see the search tests below);
        // other tests' customers may share the random number: look for this one, and at every result masked
        JsonNode found = as("agent2").get("/api/customers?phone=" + phone).json().path("content");
        assertThat(found.findValuesAsText("id")).contains(String.valueOf(id));
        found.forEach(customer -> assertThat(customer.path("contacts").get(0).path("phone").asText())
                .isEqualTo("138****5678"));
    }

    @Test
    void phonesAreShownInFullToTheSpecialistSupervisorsAndManagers() {
        String phone = mobile();
        Map<String, Object> request = customerRequest(unique("明文"), phone);
        request.put("specialist", "agent");
        long id = registerCustomer(request).path("id").asLong();

        for (String user : List.of("agent", "supervisor", "manager")) {
            JsonNode seen = as(user).get("/api/customers/" + id).json();
            assertThat(seen.path("contacts").get(0).path("phone").asText()).as(user).isEqualTo(phone);
            assertThat(seen.path("contacts").get(0).path("name").asText()).as(user).isEqualTo("张三丰");
            assertThat(seen.path("personalDataMasked").asBoolean()).as(user).isFalse();

            JsonNode found = as(user).get("/api/customers?phone=" + phone).json().path("content");
            assertThat(found.get(0).path("contacts").get(0).path("phone").asText()).as(user).isEqualTo(phone);
        }
    }

    @Test
    void theEmailNoticesGoToIsKeptAndMaskedLikeTheOtherPersonalData() {
        Map<String, Object> request = customerRequest(unique("邮箱"), mobile());
        request.put("specialist", "agent");
        request.put("email", "zhangsan@kefu.example");
        long id = registerCustomer(request).path("id").asLong();

        assertThat(customers.findById(id).orElseThrow().getEmail()).isEqualTo("zhangsan@kefu.example");
        assertThat(as("agent").get("/api/customers/" + id).json().path("email").asText())
                .isEqualTo("zhangsan@kefu.example");
        assertThat(as("auditor").get("/api/customers/" + id).json().path("email").asText())
                .isEqualTo("z*******@kefu.example");

        request.remove("email");
        assertThat(as("agent").put("/api/customers/" + id, request, new HttpHeaders()).status()).isEqualTo(200);
        assertThat(customers.findById(id).orElseThrow().getEmail()).as("an update without email removes it").isNull();
    }

    // ---- search ----------------------------------------------------------------------------------------------

    @Test
    void searchFindsCustomersByNameTypeAndTierAPageAtATime() {
        String token = unique("搜索");
        List<Long> dealersB = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            dealersB.add(registerCustomer(customerRequest(token + " 经销" + i, mobile())).path("id").asLong());
        }
        Map<String, Object> member = customerRequest(token + " 会员", mobile());
        member.put("type", "MEMBER");
        member.put("tier", "C");
        long memberId = registerCustomer(member).path("id").asLong();
        Map<String, Object> dealerA = customerRequest(token + " 大客户", mobile());
        dealerA.put("tier", "A");
        long dealerAId = registerCustomer(dealerA).path("id").asLong();

        JsonNode all = as("agent").get("/api/customers?name=" + token).json();
        assertThat(all.path("page").path("totalElements").asLong()).isEqualTo(5);

        JsonNode page0 = as("agent").get("/api/customers?name=" + token + "&type=DEALER&tier=B&size=2&page=0").json();
        JsonNode page1 = as("agent").get("/api/customers?name=" + token + "&type=DEALER&tier=B&size=2&page=1").json();
        assertThat(page0.path("page").path("totalElements").asLong()).isEqualTo(3);
        assertThat(page0.path("page").path("totalPages").asInt()).isEqualTo(2);
        assertThat(ids(page0)).containsExactly(dealersB.get(0), dealersB.get(1));
        assertThat(ids(page1)).containsExactly(dealersB.get(2));

        assertThat(ids(as("agent").get("/api/customers?name=" + token + "&type=MEMBER").json()))
                .containsExactly(memberId);
        assertThat(ids(as("agent").get("/api/customers?name=" + token + "&tier=A").json()))
                .containsExactly(dealerAId);
        assertThat(ids(as("agent").get("/api/customers?name=" + token.toUpperCase() + "&tier=C&type=MEMBER").json()))
                .containsExactly(memberId);
    }

    @Test
    void searchFindsACustomerByPartOfAContactsPhone() {
        String phone = mobile();
        long id = registerCustomer(customerRequest(unique("电话"), phone)).path("id").asLong();

        assertThat(ids(as("supervisor").get("/api/customers?phone=" + phone.substring(0, 7)).json())).contains(id);
        assertThat(ids(as("supervisor").get("/api/customers?phone=" + phone).json())).containsExactly(id);
    }

    @Test
    void searchWithAnUnknownEnumValueIsAnswered400() {
        Response response = as("agent").get("/api/customers?type=ALIEN");

        assertInvalidFields(response, "type");
    }

    // ---- what auditors may not do ----------------------------------------------------------------------------

    @Test
    void anAuditorCannotRegisterACustomerAndNothingIsWritten() {
        long before = customers.count();

        Response response = as("auditor").post("/api/customers", customerRequest(unique("审计"), mobile()));

        assertThat(response.status()).as("%s", response).isEqualTo(403);
        assertNoStackTrace(response);
        assertThat(customers.count()).isEqualTo(before);
    }

    @Test
    void anAuditorCannotUpdateACustomerAndNothingIsWritten() {
        JsonNode customer = registerCustomer();
        long id = customer.path("id").asLong();
        Map<String, Object> change = customerRequest("审计改名", mobile());

        Response response = as("auditor").put("/api/customers/" + id, change, new HttpHeaders());

        assertThat(response.status()).as("%s", response).isEqualTo(403);
        assertNoStackTrace(response);
        Customer unchanged = customers.findById(id).orElseThrow();
        assertThat(unchanged.getName()).isEqualTo(customer.path("name").asText());
        assertThat(unchanged.getVersion()).isEqualTo(customer.path("version").asLong());
    }

    // ---- who may change a customer --------------------------------------------------------------------------

    @Test
    void aDepartmentCannotRewriteACustomerOrMakeItselfTheSpecialist() {
        JsonNode customer = registerCustomer(servedBy("agent", customerRequest(unique("部门改写"), mobile())));
        long id = customer.path("id").asLong();
        Map<String, Object> takeover = servedBy("tech", customerRequest("部门改写后", "13900001111"));

        Response response = as("tech").put("/api/customers/" + id, takeover, new HttpHeaders());

        assertProblem(response, 403);
        assertNoStackTrace(response);
        assertUnchanged(customer);
        assertThat(as("tech").get("/api/customers/" + id).json().path("personalDataMasked").asBoolean()).isTrue();
    }

    @Test
    void anAgentWhoIsNotTheSpecialistCannotChangeTheCustomer() {
        JsonNode customer = registerCustomer(servedBy("agent", customerRequest(unique("别人的客户"), mobile())));
        long id = customer.path("id").asLong();

        Response asIs = as("agent2").put("/api/customers/" + id,
                servedBy("agent", customerRequest("别人改名", mobile())), new HttpHeaders());
        Response takeover = as("agent2").put("/api/customers/" + id,
                servedBy("agent2", customerRequest("别人改名", mobile())), new HttpHeaders());

        assertProblem(asIs, 403);
        assertProblem(takeover, 403);
        assertUnchanged(customer);
    }

    @Test
    void theSpecialistChangesTheirCustomerButNotWhoServesIt() {
        JsonNode customer = registerCustomer(servedBy("agent", customerRequest(unique("我的客户"), mobile())));
        long id = customer.path("id").asLong();

        Response own = as("agent").put("/api/customers/" + id,
                servedBy("agent", customerRequest("专员修改", "13900002222")), new HttpHeaders());
        assertThat(own.status()).as("%s", own).isEqualTo(200);
        assertThat(own.json().path("contacts").get(0).path("phone").asText()).isEqualTo("13900002222");
        JsonNode changed = own.json();

        assertProblem(as("agent").put("/api/customers/" + id,
                servedBy("agent2", customerRequest("交给别人", mobile())), new HttpHeaders()), 403);
        assertProblem(as("agent").put("/api/customers/" + id, customerRequest("不再负责", mobile()),
                new HttpHeaders()), 403);
        assertUnchanged(changed);
    }

    @Test
    void anAgentCannotMakeThemselvesTheSpecialist() {
        JsonNode unserved = registerCustomer();
        long before = customers.count();

        assertProblem(as("agent").put("/api/customers/" + unserved.path("id").asLong(),
                servedBy("agent", customerRequest("自封专员", mobile())), new HttpHeaders()), 403);
        assertProblem(as("agent").post("/api/customers",
                servedBy("agent", customerRequest(unique("自封专员"), mobile()))), 403);

        assertUnchanged(unserved);
        assertThat(customers.count()).isEqualTo(before);
    }

    @Test
    void supervisorsAndManagersAssignAndChangeTheSpecialist() {
        long id = registerCustomer().path("id").asLong();

        Response assigned = as("supervisor").put("/api/customers/" + id,
                servedBy("agent", customerRequest("主管指派", mobile())), new HttpHeaders());
        assertThat(assigned.status()).as("%s", assigned).isEqualTo(200);
        assertThat(customers.findById(id).orElseThrow().getSpecialist()).isEqualTo("agent");

        Response reassigned = as("manager").put("/api/customers/" + id,
                servedBy("agent2", customerRequest("经理改派", mobile())), new HttpHeaders());
        assertThat(reassigned.status()).as("%s", reassigned).isEqualTo(200);
        assertThat(customers.findById(id).orElseThrow().getSpecialist()).isEqualTo("agent2");
        assertProblem(as("agent").put("/api/customers/" + id,
                servedBy("agent", customerRequest("原专员", mobile())), new HttpHeaders()), 403);
        assertThat(as("agent2").put("/api/customers/" + id,
                servedBy("agent2", customerRequest("新专员修改", mobile())), new HttpHeaders()).status()).isEqualTo(200);
    }

    @Test
    void aDepartmentOrAnAuditorCannotBeMadeTheSpecialist() {
        JsonNode customer = registerCustomer(servedBy("agent", customerRequest(unique("派给部门"), mobile())));
        long before = customers.count();

        for (String user : List.of("tech", "auditor")) {
            assertInvalidFields(as("supervisor").put("/api/customers/" + customer.path("id").asLong(),
                    servedBy(user, customerRequest("派给部门", mobile())), new HttpHeaders()), "specialist");
            assertInvalidFields(as("supervisor").post("/api/customers",
                    servedBy(user, customerRequest(unique("派给部门"), mobile()))), "specialist");
        }

        assertUnchanged(customer);
        assertThat(customers.count()).isEqualTo(before);
    }

    @Test
    void aDepartmentCannotRegisterACustomer() {
        long before = customers.count();

        assertProblem(as("tech").post("/api/customers", customerRequest(unique("部门登记"), mobile())), 403);

        assertThat(customers.count()).isEqualTo(before);
    }

    // ---- searching by personal data --------------------------------------------------------------------------

    @Test
    void departmentsAndAuditorsCannotFindACustomerByPhoneOrSortByPersonalData() {
        String phone = mobile();
        registerCustomer(servedBy("agent", customerRequest(unique("号码"), phone)));

        for (String user : List.of("tech", "auditor")) {
            assertInvalidFields(as(user).get("/api/customers?phone=" + phone), "phone");
            assertInvalidFields(as(user).get("/api/customers?phone=" + phone + "&sort=contacts.phone"), "phone", "sort");
            for (String sort : List.of("contacts.phone", "contacts.name,desc", "address", "email,asc", "CONTACTS.PHONE")) {
                assertInvalidFields(as(user).get("/api/customers?sort=" + sort), "sort");
            }
            assertThat(as(user).get("/api/customers?name=号码&sort=name").status()).as(user).isEqualTo(200);
        }
        for (String user : List.of("agent2", "supervisor", "manager")) {
            Response byPhone = as(user).get("/api/customers?phone=" + phone + "&sort=contacts.phone");
            assertThat(byPhone.status()).as("%s: %s", user, byPhone).isEqualTo(200);
            assertThat(byPhone.json().path("content").size()).as(user).isGreaterThan(0);
        }
    }

    private void assertUnchanged(JsonNode seenBySupervisor) {
        Customer stored = customers.findById(seenBySupervisor.path("id").asLong()).orElseThrow();
        assertThat(stored.getName()).isEqualTo(seenBySupervisor.path("name").asText());
        assertThat(stored.getVersion()).isEqualTo(seenBySupervisor.path("version").asLong());
        assertThat(stored.getSpecialist()).isEqualTo(seenBySupervisor.path("specialist").asText(null));
        assertThat(as("supervisor").get("/api/customers/" + stored.getId()).json().path("contacts").get(0)
                .path("phone").asText()).isEqualTo(seenBySupervisor.path("contacts").get(0).path("phone").asText());
    }

    // ---- update ----------------------------------------------------------------------------------------------

    @Test
    void anUpdateWithTheCurrentVersionSucceedsAndAStaleVersionIsAnswered409() {
        JsonNode customer = registerCustomer();
        long id = customer.path("id").asLong();
        long version = customer.path("version").asLong();
        HttpHeaders current = new HttpHeaders();
        current.setIfMatch("\"" + version + "\"");

        Response first = as("supervisor").put("/api/customers/" + id, customerRequest("第一次修改", mobile()), current);
        assertThat(first.status()).as("%s", first).isEqualTo(200);
        assertThat(first.json().path("name").asText()).isEqualTo("第一次修改");
        assertThat(first.json().path("version").asLong()).isGreaterThan(version);

        Response stale = as("manager").put("/api/customers/" + id, customerRequest("基于旧版本的修改", mobile()), current);
        assertProblem(stale, 409);
        Customer stored = customers.findById(id).orElseThrow();
        assertThat(stored.getName()).isEqualTo("第一次修改");
        assertThat(stored.getVersion()).isEqualTo(first.json().path("version").asLong());
    }

    @Test
    void anUpdateWithoutIfMatchSucceeds() {
        long id = registerCustomer(servedBy("agent", customerRequest(unique("客户"), mobile()))).path("id").asLong();

        Response response = as("agent").put("/api/customers/" + id,
                servedBy("agent", customerRequest("无条件修改", mobile())), new HttpHeaders());

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(customers.findById(id).orElseThrow().getName()).isEqualTo("无条件修改");
    }

    @Test
    void anIfMatchOfAnyVersionOrAnUnquotedVersionIsAccepted() {
        JsonNode customer = registerCustomer(servedBy("agent", customerRequest(unique("客户"), mobile())));
        long id = customer.path("id").asLong();
        HttpHeaders any = new HttpHeaders();
        any.set(HttpHeaders.IF_MATCH, "*");
        Response first = as("agent").put("/api/customers/" + id, servedBy("agent", customerRequest("任意版本", mobile())),
                any);
        assertThat(first.status()).as("%s", first).isEqualTo(200);

        HttpHeaders unquoted = new HttpHeaders();
        unquoted.set(HttpHeaders.IF_MATCH, String.valueOf(first.json().path("version").asLong()));
        Response second = as("agent").put("/api/customers/" + id, servedBy("agent", customerRequest("不带引号", mobile())),
                unquoted);
        assertThat(second.status()).as("%s", second).isEqualTo(200);
        assertThat(customers.findById(id).orElseThrow().getName()).isEqualTo("不带引号");
    }

    @ParameterizedTest(name = "If-Match: {0}")
    @ValueSource(strings = {"abc", "W/\"0\"", "\"\""})
    void anIfMatchThatIsNoVersionIsAnswered400Not500(String ifMatch) {
        JsonNode customer = registerCustomer();
        long id = customer.path("id").asLong();
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.IF_MATCH, ifMatch);

        Response response = as("supervisor").put("/api/customers/" + id, customerRequest("奇怪的版本", mobile()), headers);

        assertInvalidFields(response, "If-Match");
        assertThat(customers.findById(id).orElseThrow().getName()).isEqualTo(customer.path("name").asText());
    }

    @Test
    void updatingWithBadInputIsAnswered400AndChangesNothing() {
        JsonNode customer = registerCustomer();
        long id = customer.path("id").asLong();
        Map<String, Object> bad = customerRequest(" ", mobile());
        bad.put("specialist", "no-such-user");

        Response blank = as("supervisor").put("/api/customers/" + id, bad, new HttpHeaders());
        assertInvalidFields(blank, "name");

        bad.put("name", "名字没问题");
        Response unknownSpecialist = as("supervisor").put("/api/customers/" + id, bad, new HttpHeaders());
        assertInvalidFields(unknownSpecialist, "specialist");

        assertThat(customers.findById(id).orElseThrow().getName()).isEqualTo(customer.path("name").asText());
    }

    @Test
    void updatingAnUnknownCustomerIsAnswered404() {
        Response response = as("supervisor").put("/api/customers/987654321", customerRequest("不存在", mobile()),
                new HttpHeaders());

        assertProblem(response, 404);
    }

    /** The request with this user as the customer's specialist. */
    private static Map<String, Object> servedBy(String specialist, Map<String, Object> request) {
        request.put("specialist", specialist);
        return request;
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.path("content").forEach(c -> ids.add(c.path("id").asLong()));
        return ids;
    }
}
