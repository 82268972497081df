package io.kefu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.notification.NoticeRequest;
import io.kefu.notification.NotificationService;
import io.kefu.support.HttpApiTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The README's Security tables as a test: every role × every {@code /api} operation Spring MVC maps (an operation
 * without a row fails the test, so no endpoint escapes) and the engine REST routes that matter. Each row says which
 * roles get through and with which status, and what everyone else gets: 401 without a login, 403 for a user who may
 * see the object but not do this, 404 for one who may not even see it. Where a row sends a deliberately incomplete
 * request, the allowed roles' 400 (or 409) shows the request got past the authorization checks, which come first.
 */
class AuthorizationMatrixTests extends HttpApiTest {

    enum Role {
        AGENT("agent"), AGENT2("agent2"), DEPARTMENT("tech"), SUPERVISOR("supervisor"), MANAGER("manager"),
        AUDITOR("auditor"), ADMIN("admin"), ARCHIVIST("archivist"), ANONYMOUS(null);

        final String user;

        Role(String user) {
            this.user = user;
        }
    }

    private static final Set<Role> LOGGED_IN = EnumSet.complementOf(EnumSet.of(Role.ANONYMOUS));
    /** Those Kefu's API lets write at all (every group but auditors). */
    private static final Set<Role> STAFF = EnumSet.complementOf(EnumSet.of(Role.ANONYMOUS, Role.AUDITOR));
    /** "Supervisors, managers includes administrators" (README). */
    private static final Set<Role> STAFF_AND_AUDITORS_NOT_DEPARTMENTS = EnumSet.complementOf(
            EnumSet.of(Role.ANONYMOUS, Role.DEPARTMENT));
    private static final Set<Role> OVERSEERS = EnumSet.of(Role.SUPERVISOR, Role.MANAGER, Role.ADMIN);
    private static final Set<Role> HOTLINE = EnumSet.of(Role.AGENT, Role.AGENT2, Role.SUPERVISOR, Role.MANAGER,
            Role.ADMIN);
    /** Console reports, models, access logs: supervisors, managers, auditors (and administrators). */
    private static final Set<Role> READERS_OF_EVERYTHING = EnumSet.of(Role.SUPERVISOR, Role.MANAGER, Role.AUDITOR,
            Role.ADMIN);
    /** Who reads a case of the agent's (its record, timeline, visit): the agent and the readers of everything. */
    private static final Set<Role> AGENTS_CASE = EnumSet.of(Role.AGENT, Role.SUPERVISOR, Role.MANAGER, Role.AUDITOR,
            Role.ADMIN);

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    NotificationService notificationService;
    @Autowired
    TransactionTemplate tx;

    /** The objects the rows act on, made once per run (the agent's customer, complaint, contract, …). */
    private static Fixture fixture;

    record Fixture(JsonNode customer, Map<String, Object> customerRequest, JsonNode complaint, String taskId,
            long contractId, long entryId, String entryNo, long loanId, long visitId, long campaignId, long inquiryId,
            long noticeId, String report, long phoneCaseId, long reportId, long attachmentId, long workOrderId) {
    }

    /** A request as a role sends it. */
    interface Call {
        Response send(AuthorizationMatrixTests test, Role role, Fixture f);
    }

    /** One operation: what is sent, and what each role must get. */
    record Row(String operation, Call call, Map<Role, Integer> expected) {
    }

    @BeforeEach
    void ensureMatrixUsers() {
        ensureUser("admin", KefuGroups.ADMINS);
        ensureUser("archivist", KefuGroups.ARCHIVISTS);
        if (fixture == null) {
            fixture = makeFixture();
        }
    }

    // ---- /api ----------------------------------------------------------------------------------------------------

    @Test
    void everyApiOperationHasARow() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(p -> p.startsWith("/api/"))
                .forEach(p -> info.getMethodsCondition().getMethods()
                        .forEach((RequestMethod m) -> mapped.add(m.name() + " " + p))));
        Set<String> rows = new TreeSet<>();
        apiRows().forEach(row -> rows.add(row.operation()));
        assertThat(mapped).isNotEmpty();
        assertThat(rows).as("rows of the matrix vs. Spring MVC's /api mappings").isEqualTo(mapped);
    }

    @Test
    void everyRoleGetsExactlyWhatTheReadmeSaysFromEveryApiOperation() {
        check(apiRows());
    }

    private List<Row> apiRows() {
        List<Row> rows = new ArrayList<>();
        // ---- customers
        rows.add(read("GET /api/customers", f -> "/api/customers?name=" + f.customer().path("name").asText()));
        rows.add(row("POST /api/customers",
                (t, r, f) -> t.client(r).post("/api/customers", customerRequest(unique("矩阵客户"), mobile())),
                allow(201, HOTLINE), 403));
        rows.add(read("GET /api/customers/{id}", f -> "/api/customers/" + f.customer().path("id").asLong()));
        // intake lookups: customers by number or name for anyone who reads cases; staff for the hotline who take
        // complaints in (被投诉员工)
        rows.add(read("GET /api/customers/lookup", f -> "/api/customers/lookup?q=" + f.customer().path("code").asText()));
        rows.add(row("GET /api/staff", get(f -> "/api/staff?q=tech"), allow(200, HOTLINE), 403));
        rows.add(row("PUT /api/customers/{id}",
                (t, r, f) -> t.client(r).put("/api/customers/" + f.customer().path("id").asLong(),
                        f.customerRequest(), new HttpHeaders()),
                allow(200, EnumSet.of(Role.AGENT, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN)), 403));
        rows.add(row("GET /api/customers/{id}/access-log",
                get(f -> "/api/customers/" + f.customer().path("id").asLong() + "/access-log"),
                allow(200, READERS_OF_EVERYTHING), 403));
        // ---- complaints, inquiries, cases
        rows.add(read("GET /api/complaints", f -> "/api/complaints"));
        rows.add(row("POST /api/complaints",
                (t, r, f) -> t.client(r).post("/api/complaints", complaintRequest(f.customer().path("code").asText())),
                allow(201, HOTLINE), 403));
        rows.add(ownRead("GET /api/complaints/{id}", f -> "/api/complaints/" + f.complaint().path("id").asLong()));
        rows.add(read("GET /api/inquiries", f -> "/api/inquiries"));
        rows.add(row("POST /api/inquiries", (t, r, f) -> t.client(r).post("/api/inquiries", inquiry()),
                allow(201, HOTLINE), 403));
        rows.add(ownRead("GET /api/inquiries/{id}", f -> "/api/inquiries/" + f.inquiryId()));
        // 转为个案 without a department: past the checks (the agent's inquiry, hotline staff), the field is named;
        // auditors see the inquiry but change nothing, everyone else does not see it
        rows.add(row("POST /api/inquiries/{id}/phone-case",
                (t, r, f) -> t.client(r).post("/api/inquiries/" + f.inquiryId() + "/phone-case", Map.of("place", "矩阵")),
                with(allow(400, EnumSet.of(Role.AGENT, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN)), Role.AUDITOR, 403),
                404));
        rows.add(read("GET /api/phone-cases", f -> "/api/phone-cases"));
        // the agent's case, passed to 技术部: its owner, the department and the readers of everything
        rows.add(row("GET /api/phone-cases/{id}", get(f -> "/api/phone-cases/" + f.phoneCaseId()),
                allow(200, EnumSet.of(Role.AGENT, Role.DEPARTMENT, Role.SUPERVISOR, Role.MANAGER, Role.AUDITOR,
                        Role.ADMIN)), 404));
        rows.add(read("GET /api/cases", f -> "/api/cases"));
        rows.add(ownRead("GET /api/cases/{caseKey}/timeline", f -> "/api/cases/" + caseNo(f) + "/timeline"));
        rows.add(ownRead("GET /api/cases/{caseKey}/timeline.csv", f -> "/api/cases/" + caseNo(f) + "/timeline.csv"));
        rows.add(ownRead("GET /api/cases/{caseKey}/diagram", f -> "/api/cases/" + caseNo(f) + "/diagram"));
        // ---- 请示报告: every member of staff raises one (an incomplete one here: the field is named); auditors read
        rows.add(row("POST /api/escalation-reports",
                (t, r, f) -> t.client(r).post("/api/escalation-reports", Map.of("trigger", "TROUBLEMAKER")),
                allow(400, STAFF), 403));
        rows.add(read("GET /api/escalation-reports", f -> "/api/escalation-reports"));
        rows.add(ownRead("GET /api/escalation-reports/{id}", f -> "/api/escalation-reports/" + f.reportId()));
        // ---- 派工: hotline staff register work orders (an incomplete one here: the fields are named); the agent's
        // order is read by the agent (who registered it), its technician once assigned, and the readers of everything
        rows.add(row("POST /api/work-orders",
                (t, r, f) -> t.client(r).post("/api/work-orders", Map.of("kind", "REPAIR")), allow(400, HOTLINE), 403));
        rows.add(read("GET /api/work-orders", f -> "/api/work-orders"));
        rows.add(ownRead("GET /api/work-orders/{id}", f -> "/api/work-orders/" + f.workOrderId()));
        // ---- 资质审核: 业务部, supervisors and managers open reviews (an incomplete request here: the field is named);
        // a review the manager opened is read by the readers of everything (and 业务部), no one else learns it exists
        rows.add(row("POST /api/qualification-reviews",
                (t, r, f) -> t.client(r).post("/api/qualification-reviews", Map.of()), allow(400, OVERSEERS), 403));
        rows.add(read("GET /api/qualification-reviews", f -> "/api/qualification-reviews"));
        rows.add(row("GET /api/qualification-reviews/{id}",
                (t, r, f) -> t.client(r).get("/api/qualification-reviews/" + t.qualificationReview(f)),
                allow(200, READERS_OF_EVERYTHING), 404));
        // ---- 员工月度考评 and 违规记录: managers start reviews, supervisors and managers record violations (incomplete
        // requests here: the fields are named); the agent's record is read by the agent, managers and auditors only
        Set<Role> agentsRecord = EnumSet.of(Role.AGENT, Role.MANAGER, Role.AUDITOR, Role.ADMIN);
        rows.add(row("POST /api/staff-reviews", (t, r, f) -> t.client(r).post("/api/staff-reviews", Map.of()),
                allow(400, EnumSet.of(Role.MANAGER, Role.ADMIN)), 403));
        rows.add(read("GET /api/staff-reviews", f -> "/api/staff-reviews"));
        rows.add(row("GET /api/staff-reviews/{id}",
                (t, r, f) -> t.client(r).get("/api/staff-reviews/" + t.staffRecords()[0]), allow(200, agentsRecord),
                404));
        rows.add(row("POST /api/violations", (t, r, f) -> t.client(r).post("/api/violations", Map.of()),
                allow(400, OVERSEERS), 403));
        rows.add(read("GET /api/violations", f -> "/api/violations"));
        rows.add(row("GET /api/violations/{id}",
                (t, r, f) -> t.client(r).get("/api/violations/" + t.staffRecords()[1]), allow(200, agentsRecord), 404));
        // ---- evidence: the case's readers list and download; its workers attach (no file sent: 400 after the
        // checks), auditors never; those who may not read the case do not learn it exists
        Map<Role, Integer> caseWorkers = with(allow(400, EnumSet.of(Role.AGENT, Role.SUPERVISOR, Role.MANAGER,
                Role.ADMIN)), Role.AUDITOR, 403);
        rows.add(ownRead("GET /api/cases/{caseKey}/attachments", f -> "/api/cases/" + caseNo(f) + "/attachments"));
        rows.add(row("POST /api/cases/{caseKey}/attachments",
                (t, r, f) -> t.upload(r, "/api/cases/" + caseNo(f) + "/attachments"), caseWorkers, 404));
        rows.add(ownRead("GET /api/cases/{caseKey}/attachments/{id}",
                f -> "/api/cases/" + caseNo(f) + "/attachments/" + f.attachmentId()));
        rows.add(ownRead("GET /api/tasks/{taskId}/attachments", f -> "/api/tasks/" + f.taskId() + "/attachments"));
        rows.add(row("POST /api/tasks/{taskId}/attachments",
                (t, r, f) -> t.upload(r, "/api/tasks/" + f.taskId() + "/attachments"), caseWorkers, 404));
        // ---- contracts
        // contracts are the customer-service centre's and the archive's, not departments'
        rows.add(row("GET /api/contracts", get(f -> "/api/contracts"), allow(200, STAFF_AND_AUDITORS_NOT_DEPARTMENTS),
                403));
        rows.add(row("POST /api/contracts",
                (t, r, f) -> t.client(r).post("/api/contracts", prospect()), allow(201, HOTLINE), 403));
        rows.add(row("GET /api/contracts/{id}", get(f -> "/api/contracts/" + f.contractId()),
                allow(200, STAFF_AND_AUDITORS_NOT_DEPARTMENTS), 403));
        // the onboarding still runs, so those who may terminate get 409 (only an active contract is terminated); the
        // prospect has no specialist yet, so no agent may
        rows.add(row("POST /api/contracts/{id}/termination",
                (t, r, f) -> t.client(r).post("/api/contracts/" + f.contractId() + "/termination",
                        Map.of("requestedBy", "CUSTOMER", "reason", "权限矩阵")),
                allow(409, OVERSEERS), 403));
        // ---- archive
        rows.add(read("GET /api/archive/entries", f -> "/api/archive/entries"));
        rows.add(read("GET /api/archive/entries/{id}", f -> "/api/archive/entries/" + f.entryId()));
        rows.add(row("POST /api/archive/entries",
                (t, r, f) -> t.client(r).post("/api/archive/entries", filing(f.customer().path("id").asLong())),
                allow(201, EnumSet.of(Role.ARCHIVIST, Role.ADMIN)), 403));
        rows.add(read("GET /api/archive/loans", f -> "/api/archive/loans"));
        // an unknown file number: past the checks, every member of staff is told which field is wrong
        rows.add(row("POST /api/archive/loans",
                (t, r, f) -> t.client(r).post("/api/archive/loans", Map.of("archiveNo", "DA1999-0",
                        "loanKind", "STAFF", "pieces", 1, "purpose", "权限矩阵")),
                allow(400, STAFF), 403));
        // the agent's loan: the borrower and the register's readers (archivists, supervisors, managers, auditors)
        rows.add(row("GET /api/archive/loans/{id}", get(f -> "/api/archive/loans/" + f.loanId()),
                allow(200, EnumSet.of(Role.AGENT, Role.ARCHIVIST, Role.SUPERVISOR, Role.MANAGER, Role.AUDITOR,
                        Role.ADMIN)), 404));
        // ---- visits and surveys
        rows.add(read("GET /api/visits", f -> "/api/visits"));
        rows.add(read("GET /api/visits/summary", f -> "/api/visits/summary?from=2026-01-01&to=2026-01-31"));
        rows.add(ownRead("GET /api/visits/{id}", f -> "/api/visits/" + f.visitId()));
        rows.add(row("POST /api/visits/{id}/reschedule",
                (t, r, f) -> t.client(r).post("/api/visits/" + f.visitId() + "/reschedule",
                        Map.of("appointmentAt", "2099-01-05T16:00", "reason", "权限矩阵")),
                with(allow(409, EnumSet.of(Role.AGENT, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN)), Role.AUDITOR, 403),
                404));
        rows.add(row("POST /api/surveys/campaigns",
                (t, r, f) -> t.client(r).post("/api/surveys/campaigns", Map.of("name", "权限矩阵")),
                allow(400, OVERSEERS), 403));
        rows.add(read("GET /api/surveys/campaigns/{id}", f -> "/api/surveys/campaigns/" + f.campaignId()));
        rows.add(row("POST /api/surveys/delivery-follow-ups",
                (t, r, f) -> t.client(r).post("/api/surveys/delivery-follow-ups",
                        Map.of("customerCode", f.customer().path("code").asText())),
                allow(400, HOTLINE), 403));
        // ---- notices
        rows.add(read("GET /api/notices", f -> "/api/notices"));
        rows.add(read("GET /api/notices/{id}", f -> "/api/notices/" + f.noticeId()));
        // a notice not failed is not resent: those who may resend get 409
        rows.add(row("POST /api/notices/{id}/resend",
                (t, r, f) -> t.client(r).post("/api/notices/" + f.noticeId() + "/resend", null),
                allow(409, EnumSet.of(Role.AGENT, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN)), 403));
        // ---- tasks (the agent's own assessment)
        rows.add(read("GET /api/tasks", f -> "/api/tasks"));
        // the assignee claims again (a no-op); those who see every task are told it is taken (409); others 403
        rows.add(row("POST /api/tasks/{taskId}/claim",
                (t, r, f) -> t.client(r).post("/api/tasks/" + f.taskId() + "/claim", null),
                with(allow(409, OVERSEERS), Role.AGENT, 200), 403));
        // a field the form does not declare: the assignee is told so (400), nothing is written; nobody else
        // completes another's task, not even an administrator (claim it first, in Tasklist)
        rows.add(row("POST /api/tasks/{taskId}/complete",
                (t, r, f) -> t.client(r).post("/api/tasks/" + f.taskId() + "/complete", Map.of("matrixProbe", 1)),
                allow(400, EnumSet.of(Role.AGENT)), 403));
        // ---- reports
        rows.add(overseersRead("GET /api/reports", f -> "/api/reports"));
        rows.add(overseersRead("GET /api/reports/{report}", f -> "/api/reports/" + f.report()));
        rows.add(overseersRead("GET /api/reports/{report}.csv", f -> "/api/reports/" + f.report() + ".csv"));
        rows.add(overseersRead("GET /api/reports/{report}.xlsx", f -> "/api/reports/" + f.report() + ".xlsx"));
        // ---- models
        rows.add(overseersRead("GET /api/models", f -> "/api/models"));
        rows.add(overseersRead("GET /api/models/processes/{key}/versions/{version}/xml",
                f -> "/api/models/processes/complaint-handling/versions/1/xml"));
        rows.add(overseersRead("GET /api/models/decisions/{key}/versions/{version}/xml",
                f -> "/api/models/decisions/complaint-classification/versions/1/xml"));
        rows.add(overseersRead("GET /api/models/processes/{key}/diff", f -> "/api/models/processes/complaint-handling/diff?from=1&to=1"));
        rows.add(overseersRead("GET /api/models/decisions/{key}/diff",
                f -> "/api/models/decisions/complaint-classification/diff?from=1&to=1"));
        rows.add(overseersRead("GET /api/models/processes/{key}/migration-plan",
                f -> "/api/models/processes/complaint-handling/migration-plan?from=1&to=1"));
        rows.add(overseersRead("GET /api/models/deployments", f -> "/api/models/deployments"));
        rows.add(overseersRead("GET /api/models/variants", f -> "/api/models/variants"));
        // an unknown variant: those who may deploy are told it does not exist, nothing is deployed
        rows.add(row("POST /api/models/variants/{id}/deployments",
                (t, r, f) -> t.client(r).post("/api/models/variants/no-such-variant/deployments", Map.of()),
                allow(404, EnumSet.of(Role.MANAGER, Role.ADMIN)), 403));
        rows.add(overseersRead("GET /api/models/migrations", f -> "/api/models/migrations"));
        rows.add(overseersRead("GET /api/models/cases/{processInstanceId}/changes",
                f -> "/api/models/cases/" + f.complaint().path("processInstanceId").asText() + "/changes"));
        // no file: those who may validate or deploy are told the file is missing
        rows.add(row("POST /api/models/validate", (t, r, f) -> t.upload(r, "/api/models/validate"),
                allow(400, OVERSEERS), 403));
        rows.add(row("POST /api/models/deployments", (t, r, f) -> t.upload(r, "/api/models/deployments"),
                allow(400, EnumSet.of(Role.MANAGER, Role.ADMIN)), 403));
        rows.add(row("POST /api/models/processes/{key}/migrations",
                (t, r, f) -> t.client(r).post("/api/models/processes/complaint-handling/migrations", Map.of()),
                allow(400, EnumSet.of(Role.MANAGER, Role.ADMIN)), 403));
        return rows;
    }

    // ---- the engine REST API ---------------------------------------------------------------------------------------

    @Test
    void everyRoleGetsExactlyWhatTheReadmeSaysFromTheEngineRoutesThatMatter() {
        check(engineRows());
    }

    private List<Row> engineRows() {
        Set<Role> overseers = EnumSet.of(Role.SUPERVISOR, Role.MANAGER, Role.AUDITOR, Role.ADMIN);
        List<Row> rows = new ArrayList<>();
        // ---- variables: the agent's assessment task and its case
        rows.add(row("GET /task/{id}/variables", (t, r, f) -> t.client(r).get(task(f) + "/variables"),
                with(allow(200, overseers), Role.AGENT, 200), 403));
        rows.add(row("PUT /task/{id}/variables/{name}",
                (t, r, f) -> t.client(r).put(task(f) + "/variables/matrixProbe", Map.of("value", 1, "type", "Integer"),
                        new HttpHeaders()),
                allow(204, EnumSet.of(Role.ADMIN)), 403));
        rows.add(row("GET /variable-instance (the case's)",
                listing(f -> "/engine-rest/variable-instance?processInstanceIdIn=" + pi(f)),
                with(allow(200, overseers), Role.AGENT, 200), EMPTY));
        rows.add(row("GET /history/variable-instance (the case's)",
                listing(f -> "/engine-rest/history/variable-instance?processInstanceId=" + pi(f)),
                allow(200, overseers), EMPTY));
        rows.add(row("GET /history/detail (the case's)",
                listing(f -> "/engine-rest/history/detail?processInstanceId=" + pi(f)),
                allow(200, overseers), EMPTY));
        // ---- the history cleanup job: administrators only
        rows.add(row("PUT /job/{id}/suspended (history cleanup)",
                (t, r, f) -> t.client(r).put("/engine-rest/job/" + t.cleanupJob() + "/suspended",
                        Map.of("suspended", false), new HttpHeaders()),
                allow(204, EnumSet.of(Role.ADMIN)), 403));
        rows.add(row("PUT /job/{id}/duedate (history cleanup)",
                (t, r, f) -> t.client(r).put("/engine-rest/job/" + t.cleanupJob() + "/duedate",
                        Map.of("duedate", "2099-01-01T01:00:00.000+0000"), new HttpHeaders()),
                allow(204, EnumSet.of(Role.ADMIN)), 403));
        rows.add(row("POST /job/{id}/execute (history cleanup)",
                (t, r, f) -> t.client(r).post("/engine-rest/job/" + t.cleanupJob() + "/execute", null),
                allow(204, EnumSet.of(Role.ADMIN)), 403));
        // ---- deployments: managers and administrators (deploy-changed-only: the same file is deployed once)
        rows.add(row("POST /deployment/create",
                (t, r, f) -> {
                    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
                    body.add("deployment-name", "authorization-matrix");
                    body.add("deploy-changed-only", "true");
                    body.add("data", file("authorization-matrix.txt", "权限矩阵"));
                    return t.multipart(r, "/engine-rest/deployment/create", body);
                },
                allow(200, EnumSet.of(Role.MANAGER, Role.ADMIN)), 403));
        // ---- comments and attachments: those who may work the task; Camunda's resources look the task up in the
        // history first, which agents, departments and archivists may not read ("No task found", 400)
        Map<Role, Integer> comments = with(with(with(allow(200, EnumSet.of(Role.ADMIN)),
                Role.AGENT, 400), Role.AGENT2, 400), Role.DEPARTMENT, 400);
        comments.put(Role.ARCHIVIST, 400);
        rows.add(row("POST /task/{id}/comment/create",
                (t, r, f) -> t.client(r).post(task(f) + "/comment/create", Map.of("message", "权限矩阵")),
                comments, 403));
        rows.add(row("POST /task/{id}/attachment/create",
                (t, r, f) -> {
                    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
                    body.add("attachment-name", "说明");
                    body.add("attachment-type", "text/plain");
                    body.add("url", "https://kefu.example/attachment");
                    return t.multipart(r, task(f) + "/attachment/create", body);
                },
                comments, 403));
        // ---- a form submission carrying a variable its form does not declare: refused before anything else, for
        // anyone (400 naming it), and nothing is written
        rows.add(row("POST /task/{id}/submit-form (a foreign variable)",
                (t, r, f) -> t.client(r).post(task(f) + "/submit-form",
                        Map.of("variables", Map.of("complaintId", Map.of("value", 1)))),
                allow(400, LOGGED_IN), 400));
        // only the form's own fields, incomplete: those who may work the task are told what is missing (Kefu's
        // 400), the others may not submit at all
        rows.add(row("POST /task/{id}/submit-form (the form's fields)",
                (t, r, f) -> t.client(r).post(task(f) + "/submit-form",
                        Map.of("variables", Map.of("complaintValid", Map.of("value", false)))),
                allow(400, EnumSet.of(Role.AGENT, Role.ADMIN)), 403));
        // ---- identity: one's own profile, authorizations, filters
        // one's own profile, sent back unchanged
        rows.add(row("PUT /user/{own id}/profile", (t, r, f) -> t.ownProfile(r), allow(204, EnumSet.of(Role.ADMIN)),
                403));
        rows.add(row("POST /authorization/create",
                (t, r, f) -> t.removing(t.client(r).post("/engine-rest/authorization/create", Map.of("type", 1,
                        "permissions", List.of("ACCESS"), "userId", "matrix-nobody", "resourceType", 0,
                        "resourceId", "matrix")), "/engine-rest/authorization/"),
                allow(200, EnumSet.of(Role.ADMIN)), 403));
        rows.add(row("POST /filter/create",
                (t, r, f) -> t.removing(t.client(r).post("/engine-rest/filter/create", Map.of("resourceType", "Task",
                        "name", "权限矩阵", "query", Map.of())), "/engine-rest/filter/"),
                allow(200, EnumSet.of(Role.ADMIN)), 403));
        return rows;
    }

    /** Stands for "200 with an empty list": the route answers, but shows this role nothing. */
    private static final int EMPTY = 0;

    private static Call listing(Function<Fixture, String> path) {
        return (t, r, f) -> {
            Response response = t.client(r).get(path.apply(f));
            return response.status() == 200 && response.json().isArray() && response.json().isEmpty()
                    ? new Response(EMPTY, response.headers(), response.body()) : response;
        };
    }

    private static String task(Fixture f) {
        return "/engine-rest/task/" + f.taskId();
    }

    private static String pi(Fixture f) {
        return f.complaint().path("processInstanceId").asText();
    }

    private static Map<Role, Integer> with(Map<Role, Integer> expected, Role role, int status) {
        expected.put(role, status);
        return expected;
    }

    Response ownProfile(Role role) {
        String id = role.user == null ? "agent" : role.user;
        User user = identityService.createUserQuery().userId(id).singleResult();
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("id", id);
        profile.put("firstName", user.getFirstName());
        profile.put("lastName", user.getLastName());
        profile.put("email", user.getEmail());
        return client(role).put("/engine-rest/user/" + id + "/profile", profile, new HttpHeaders());
    }

    /** Deletes what an allowed role created (as the administrator), so that runs leave nothing behind. */
    Response removing(Response created, String resource) {
        if (created.status() == 200) {
            Response deleted = as("admin").send(HttpMethod.DELETE, resource + created.json().path("id").asText(),
                    null, new HttpHeaders());
            assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);
        }
        return created;
    }

    private String cleanupJob;

    String cleanupJob() {
        if (cleanupJob == null) {
            Response cleanup = as("admin").post("/engine-rest/history/cleanup?immediatelyDue=false", null);
            assertThat(cleanup.status()).as("%s", cleanup).isEqualTo(200);
            cleanupJob = cleanup.json().path("id").asText();
        }
        return cleanupJob;
    }

    private static Long qualificationReview;

    /** A qualification review of the agent's customer, opened by the manager (made once per run). */
    long qualificationReview(Fixture f) {
        if (qualificationReview == null) {
            Response review = as("manager").post("/api/qualification-reviews",
                    Map.of("customerCode", f.customer().path("code").asText()));
            assertThat(review.status()).as("%s", review).isEqualTo(201);
            qualificationReview = review.json().path("id").asLong();
        }
        return qualificationReview;
    }

    private static long[] staffRecords;

    /** The agent's staff review and violation (made once per run, by the manager and the supervisor). */
    long[] staffRecords() {
        if (staffRecords == null) {
            String month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).minusMonths(7).toString();
            Response review = as("manager").post("/api/staff-reviews", Map.of("employee", "agent", "month", month));
            Response violation = as("supervisor").post("/api/violations", Map.of("employee", "agent",
                    "kind", "UNTIDY_WORKPLACE", "occurredOn", month + "-03", "description", "矩阵:工位杂乱",
                    "evidence", "巡查照片"));
            assertThat(review.status()).as("%s", review).isEqualTo(201);
            assertThat(violation.status()).as("%s", violation).isEqualTo(201);
            staffRecords = new long[] {review.json().path("id").asLong(), violation.json().path("id").asLong()};
        }
        return staffRecords;
    }

    // ---- checking ------------------------------------------------------------------------------------------------

    private void check(List<Row> rows) {
        SoftAssertions softly = new SoftAssertions();
        for (Row row : rows) {
            for (Role role : Role.values()) {
                Response response = row.call().send(this, role, fixture);
                int expected = row.expected().get(role);
                softly.assertThat(response.status())
                        .as("%s as %s: %.300s", row.operation(), role, response)
                        .isEqualTo(expected);
            }
        }
        softly.assertAll();
    }

    /** Allowed roles and their status; everyone else logged in gets {@code refused}, anonymous 401. */
    private static Map<Role, Integer> allow(int status, Set<Role> allowed) {
        Map<Role, Integer> expected = new EnumMap<>(Role.class);
        allowed.forEach(role -> expected.put(role, status));
        return expected;
    }

    private static Row row(String operation, Call call, Map<Role, Integer> allowed, int refused) {
        Map<Role, Integer> expected = new EnumMap<>(allowed);
        for (Role role : Role.values()) {
            expected.putIfAbsent(role, role == Role.ANONYMOUS ? 401 : refused);
        }
        return new Row(operation, call, expected);
    }

    /** A read every logged-in role may make (lists filtered per role). */
    private static Row read(String operation, Function<Fixture, String> path) {
        return row(operation, get(path), allow(200, LOGGED_IN), 403);
    }

    /** A read of the agent's own case (or visit, inquiry): others may not even see it (404). */
    private static Row ownRead(String operation, Function<Fixture, String> path) {
        return row(operation, get(path), allow(200, AGENTS_CASE), 404);
    }

    /** Reports, models: supervisors, managers, auditors and administrators; 403 for everyone else. */
    private static Row overseersRead(String operation, Function<Fixture, String> path) {
        return row(operation, get(path), allow(200, READERS_OF_EVERYTHING), 403);
    }

    private static Call get(Function<Fixture, String> path) {
        return (t, r, f) -> t.client(r).get(path.apply(f));
    }

    Client client(Role role) {
        return role == Role.ANONYMOUS ? anonymous() : as(role.user);
    }

    /** A multipart request without a file. */
    Response upload(Role role, String path) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("name", "权限矩阵");
        return multipart(role, path, body);
    }

    Response multipart(Role role, String path, MultiValueMap<String, Object> body) {
        HttpHeaders headers = new HttpHeaders();
        if (role.user != null) {
            headers.setBasicAuth(role.user, role.user, StandardCharsets.UTF_8);
        }
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, PROBLEM_JSON));
        ResponseEntity<byte[]> response = rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
                byte[].class);
        byte[] bytes = response.getBody();
        return new Response(response.getStatusCode().value(), response.getHeaders(),
                bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8));
    }

    static ByteArrayResource file(String name, String content) {
        return new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    // ---- test data -------------------------------------------------------------------------------------------------

    private Fixture makeFixture() {
        Map<String, Object> customerRequest = customerRequest(unique("矩阵客户"), mobile());
        customerRequest.put("specialist", "agent");
        JsonNode customer = registerCustomer(customerRequest);
        String code = customer.path("code").asText();
        JsonNode complaint = fileComplaint("agent", code);
        String taskId = assessmentTask(complaint).getId();

        // a prospect's onboarding (only prospects sign); nobody is its specialist yet
        Response contract = as("agent").post("/api/contracts", prospect());
        assertThat(contract.status()).as("%s", contract).isEqualTo(201);
        Response entry = as("archivist").post("/api/archive/entries", filing(customer.path("id").asLong()));
        assertThat(entry.status()).as("%s", entry).isEqualTo(201);
        String entryNo = entry.json().path("archiveNo").asText();
        Response loan = as("agent").post("/api/archive/loans", Map.of("archiveNo", entryNo, "loanKind", "STAFF",
                "pieces", 1, "purpose", "权限矩阵"));
        assertThat(loan.status()).as("%s", loan).isEqualTo(201);
        Response visit = as("agent").post("/api/surveys/delivery-follow-ups", Map.of("customerCode", code,
                "orderNo", unique("SO"), "deliveredOn", java.time.LocalDate.now().toString()));
        assertThat(visit.status()).as("%s", visit).isEqualTo(201);
        Response campaign = as("supervisor").post("/api/surveys/campaigns", Map.of("name", unique("矩阵调查"),
                "customerCodes", List.of(code)));
        assertThat(campaign.status()).as("%s", campaign).isEqualTo(201);
        Response inquiry = as("agent").post("/api/inquiries", inquiry());
        assertThat(inquiry.status()).as("%s", inquiry).isEqualTo(201);
        Response caseInquiry = as("agent").post("/api/inquiries", inquiry());
        Response phoneCase = as("agent").post("/api/inquiries/" + caseInquiry.json().path("id").asLong()
                + "/phone-case", Map.of("department", "tech"));
        assertThat(phoneCase.status()).as("%s", phoneCase).isEqualTo(201);
        Response escalation = as("agent").post("/api/escalation-reports", Map.of("trigger", "TROUBLEMAKER",
                "subject", "权限矩阵", "details", "客户故意刁难"));
        assertThat(escalation.status()).as("%s", escalation).isEqualTo(201);
        Response workOrder = as("agent").post("/api/work-orders", workOrder(code));
        assertThat(workOrder.status()).as("%s", workOrder).isEqualTo(201);
        long noticeId = tx.execute(s -> notificationService.send(NoticeRequest.toCustomer("contract-welcome",
                customer.path("id").asLong(), complaint.path("caseNo").asText(), Map.of()))).getId();
        String report = as("supervisor").get("/api/reports").json().get(0).path("key").asText();
        MultiValueMap<String, Object> evidence = new LinkedMultiValueMap<>();
        evidence.add("file", file("投诉说明.txt", "客户来电说明"));
        Response attachment = multipart(Role.AGENT, "/api/cases/" + complaint.path("caseNo").asText()
                + "/attachments", evidence);
        assertThat(attachment.status()).as("%s", attachment).isEqualTo(201);
        return new Fixture(customer, customerRequest, complaint, taskId, contract.json().path("id").asLong(),
                entry.json().path("id").asLong(), entryNo, loan.json().path("loanId").asLong(),
                visit.json().path("id").asLong(), campaign.json().path("id").asLong(),
                inquiry.json().path("id").asLong(), noticeId, report, phoneCase.json().path("id").asLong(),
                escalation.json().path("id").asLong(), attachment.json().path("id").asLong(),
                workOrder.json().path("id").asLong());
    }

    private static String caseNo(Fixture f) {
        return f.complaint().path("caseNo").asText();
    }

    private static Map<String, Object> filing(long customerId) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("title", unique("矩阵档案"));
        request.put("kind", "CUSTOMER_FILE");
        request.put("customerId", customerId);
        request.put("location", "档案室一-A柜-01层");
        request.put("originals", 1);
        request.put("copies", 0);
        request.put("secrecy", "ORDINARY");
        return request;
    }

    private static Map<String, Object> workOrder(String customerCode) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("kind", "REPAIR");
        request.put("customerCode", customerCode);
        request.put("contactName", "郑师傅");
        request.put("contactPhone", mobile());
        request.put("address", "广东省深圳市南山区科技园路88号");
        request.put("productModel", "GPS-T200");
        request.put("purchaseDate", "2026-01-05");
        request.put("fault", "终端不上线");
        request.put("appointmentAt", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1)
                + "T10:00");
        return request;
    }

    private static Map<String, Object> inquiry() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("channel", "HOTLINE");
        request.put("category", "FRANCHISE");
        request.put("callerName", "陈大文");
        request.put("callerPhone", mobile());
        request.put("region", "广东省广州市");
        request.put("summary", "咨询加盟条件");
        request.put("outcome", "PROSPECT");
        return request;
    }

    private static Map<String, Object> prospect() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("type", "FRANCHISEE");
        request.put("name", unique("矩阵加盟店"));
        request.put("tier", "B");
        request.put("contactName", "赵六");
        request.put("contactPhone", mobile());
        request.put("address", "江苏省南京市鼓楼区中山路1号");
        request.put("region", "华东");
        return request;
    }

    private void ensureUser(String id, String group) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName(id);
            user.setLastName("Test");
            user.setPassword(id);
            identityService.saveUser(user);
        }
        if (identityService.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
            identityService.createMembership(id, group);
        }
    }
}
