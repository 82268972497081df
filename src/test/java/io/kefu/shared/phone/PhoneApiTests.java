package io.kefu.shared.phone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.support.HttpApiTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every API that takes a phone number reads it the same way ({@link PhoneNumbers}): typed with spaces or dashes it is
 * accepted and kept in one shape; a number that is neither mobile nor landline is a 400 naming the field, and nothing
 * is saved.
 */
class PhoneApiTests extends HttpApiTest {

    /** An API with a phone field: where it posts, the field's name in the problem, and how to build a request. */
    record PhoneApi(String path, String field, String user, Function<String, Map<String, Object>> request) {
    }

    List<PhoneApi> apis() {
        JsonNode customer = registerCustomer();
        return List.of(
                new PhoneApi("/api/customers", "contacts[0].phone", "supervisor",
                        phone -> customerRequest(unique("电话客户"), phone)),
                new PhoneApi("/api/complaints", "complainantPhone", "agent", phone -> {
                    Map<String, Object> request = complaintRequest(customer.path("code").asText());
                    request.put("complainantPhone", phone);
                    return request;
                }),
                new PhoneApi("/api/inquiries", "callerPhone", "agent", phone -> {
                    Map<String, Object> request = new LinkedHashMap<>();
                    request.put("channel", "HOTLINE");
                    request.put("category", "FRANCHISE");
                    request.put("callerName", "陈大文");
                    request.put("callerPhone", phone);
                    request.put("summary", "咨询加盟条件");
                    request.put("outcome", "PROSPECT");
                    return request;
                }),
                new PhoneApi("/api/contracts", "contactPhone", "agent", phone -> {
                    Map<String, Object> request = new LinkedHashMap<>();
                    request.put("type", "FRANCHISEE");
                    request.put("name", unique("电话加盟店"));
                    request.put("tier", "B");
                    request.put("contactName", "赵六");
                    request.put("contactPhone", phone);
                    request.put("address", "江苏省南京市鼓楼区中山路1号");
                    request.put("region", "华东");
                    return request;
                }));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"138 1234 5678|13812345678", "138-1234-5678|13812345678",
            "010-12345678|010-12345678"})
    void aNumberTypedTheUsualWayIsAcceptedByEveryApiAndKeptInOneShape(String typed, String kept) {
        for (PhoneApi api : apis()) {
            Response response = as(api.user()).post(api.path(), api.request().apply(typed));
            assertThat(response.status()).as("%s with %s: %s", api.path(), typed, response).isEqualTo(201);
            if (api.path().equals("/api/complaints")) {
                // the owner reads the complainant's number unmasked: the shape Kefu keeps
                assertThat(response.json().path("complainantPhone").asText()).isEqualTo(kept);
            }
        }
        // what is kept is the one shape: the supervisor reads the customer's contact unmasked
        Response customer = as("supervisor").post("/api/customers", customerRequest(unique("电话客户"), typed));
        assertThat(customer.json().path("contacts").get(0).path("phone").asText()).isEqualTo(kept);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "138 1234 567", "12812345678", "010-123"})
    void aNumberThatIsNeitherMobileNorLandlineIsRefusedNamingTheField(String typed) {
        for (PhoneApi api : apis()) {
            Response response = as(api.user()).post(api.path(), api.request().apply(typed));
            assertThat(response.status()).as("%s with %s: %s", api.path(), typed, response).isEqualTo(400);
            assertInvalidFields(response, api.field());
            assertThat(response.body()).contains("联系电话格式不正确");
        }
    }
}
