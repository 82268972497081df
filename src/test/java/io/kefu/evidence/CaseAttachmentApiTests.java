package io.kefu.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.support.HttpApiTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Evidence on a case over the API: what may be attached (checked by the bytes), who may list, download and attach
 * (the case's readers and workers; auditors read only; the recused nobody), the audit of each upload and download,
 * and the steps that cannot be completed without evidence — through every route that completes a task.
 */
class CaseAttachmentApiTests extends HttpApiTest {

    /** The start of a PNG, and enough of an image for a test: the type is decided by these bytes. */
    static final byte[] PNG = concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A},
            "签字单".getBytes(StandardCharsets.UTF_8));
    static final byte[] PDF = "%PDF-1.7\n客户签字确认书\n%%EOF".getBytes(StandardCharsets.UTF_8);

    @Autowired
    JdbcTemplate jdbc;

    // ---- the customer's signature (客户签字) ----------------------------------------------------------------------

    @Test
    void anAgentAttachesTheSignedFormFromTheConfirmationTaskAndOnlyThenCompletesItBySignature() {
        JsonNode complaint = complaintAwaitingTheCustomer();
        Task task = openTask(complaint, "Task_ConfirmWithCustomer");
        Map<String, Object> bySignature = Map.of("customerAccepted", true, "acceptanceMethod", "SIGNATURE");

        Response refused = as("agent").post("/api/tasks/" + task.getId() + "/complete", bySignature);
        JsonNode problem = assertInvalidFields(refused, "acceptanceReference");
        assertThat(problem.path("detail").asText()).contains("签字");
        assertThat(openTask(complaint, "Task_ConfirmWithCustomer")).as("still open").isNotNull();

        Response tab = as("agent").get("/api/tasks/" + task.getId() + "/attachments");
        assertThat(tab.status()).as("%s", tab).isEqualTo(200);
        assertThat(tab.json().path("caseKey").asText()).isEqualTo(complaint.path("caseNo").asText());
        assertThat(tab.json().path("mayUpload").asBoolean()).isTrue();
        assertThat(tab.json().path("attachments")).isEmpty();

        Response uploaded = upload("agent", "/api/tasks/" + task.getId() + "/attachments", "签字单.png", PNG);
        assertThat(uploaded.status()).as("%s", uploaded).isEqualTo(201);
        assertThat(uploaded.json().path("fileName").asText()).isEqualTo("签字单.png");
        assertThat(uploaded.json().path("contentType").asText()).isEqualTo("image/png");
        assertThat(uploaded.json().path("size").asLong()).isEqualTo(PNG.length);
        assertThat(uploaded.json().path("sha256").asText()).isEqualTo(sha256(PNG));
        assertThat(uploaded.json().path("uploadedBy").asText()).isEqualTo("agent");
        assertThat(uploaded.json().path("taskName").asText()).isEqualTo(task.getName());

        Response done = as("agent").post("/api/tasks/" + task.getId() + "/complete", bySignature);
        assertThat(done.status()).as("%s", done).isEqualTo(200);
        assertThat(openTask(complaint, "Task_ConfirmWithCustomer")).isNull();
    }

    @Test
    void aSignatureWithoutEvidenceIsRefusedThroughEveryRouteAndTheNumberOfTheSignedFormIsEnough() {
        JsonNode complaint = complaintAwaitingTheCustomer();
        Task task = openTask(complaint, "Task_ConfirmWithCustomer");
        Map<String, Object> variables = Map.of("customerAccepted", Map.of("value", true),
                "acceptanceMethod", Map.of("value", "SIGNATURE"));

        assertInvalidFields(as("agent").post("/api/tasks/" + task.getId() + "/complete",
                Map.of("customerAccepted", true, "acceptanceMethod", "SIGNATURE")), "acceptanceReference");
        for (String action : List.of("complete", "submit-form")) {
            Response refused = as("agent").post("/engine-rest/task/" + task.getId() + "/" + action,
                    Map.of("variables", variables));
            assertThat(refused.status()).as("%s: %s", action, refused).isEqualTo(400);
            assertThat(refused.errorFields()).as("%s", refused).containsExactly("acceptanceReference");
        }
        HttpHeaders tasklist = tasklistSession("agent");
        tasklist.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<byte[]> viaTasklist = rest.exchange("/camunda/api/engine/engine/default/task/" + task.getId()
                + "/submit-form", HttpMethod.POST, new HttpEntity<>(Map.of("variables", variables), tasklist),
                byte[].class);
        Response refused = new Response(viaTasklist.getStatusCode().value(), viaTasklist.getHeaders(),
                new String(viaTasklist.getBody(), StandardCharsets.UTF_8));
        assertThat(refused.status()).as("%s", refused).isEqualTo(400);
        assertThat(refused.body()).contains("acceptanceReference", "签字单");
        assertThat(openTask(complaint, "Task_ConfirmWithCustomer")).as("nothing was completed").isNotNull();

        Response done = as("agent").post("/api/tasks/" + task.getId() + "/complete", Map.of("customerAccepted", true,
                "acceptanceMethod", "SIGNATURE", "acceptanceReference", "签字单 QZ-0001"));
        assertThat(done.status()).as("%s", done).isEqualTo(200);
    }

    @Test
    void aFileAttachedOnTheCasePageWhileTheConfirmationIsOpenCountsAsItsEvidence() {
        JsonNode complaint = complaintAwaitingTheCustomer();
        Task task = openTask(complaint, "Task_ConfirmWithCustomer");
        String caseNo = complaint.path("caseNo").asText();
        assertThat(upload("agent", "/api/cases/" + caseNo + "/attachments", "客户确认书.pdf", PDF).status())
                .isEqualTo(201);
        Response done = as("agent").post("/api/tasks/" + task.getId() + "/complete", Map.of("customerAccepted", true,
                "acceptanceMethod", "SIGNATURE"));
        assertThat(done.status()).as("%s", done).isEqualTo(200);
    }

    // ---- the archive hand-out (借出登记) -------------------------------------------------------------------------

    @Test
    void anArchivistHandsAFileOutOnlyWithTheBorrowersSignedRegisterAttachedOrItsNumber() {
        Task handOut = loanAtHandOut();
        Response refused = as("archivist").post("/api/tasks/" + handOut.getId() + "/complete",
                Map.of("handedOut", true));
        assertInvalidFields(refused, "handOutReference");
        Response engine = as("archivist").post("/engine-rest/task/" + handOut.getId() + "/complete",
                Map.of("variables", Map.of("handedOut", Map.of("value", true))));
        assertThat(engine.status()).as("%s", engine).isEqualTo(400);
        assertThat(engine.errorFields()).containsExactly("handOutReference");

        Response uploaded = upload("archivist", "/api/tasks/" + handOut.getId() + "/attachments", "借阅登记.jpg",
                concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, PDF));
        assertThat(uploaded.status()).as("%s", uploaded).isEqualTo(201);
        assertThat(uploaded.json().path("contentType").asText()).isEqualTo("image/jpeg");
        Response done = as("archivist").post("/api/tasks/" + handOut.getId() + "/complete", Map.of("handedOut", true));
        assertThat(done.status()).as("%s", done).isEqualTo(200);
    }

    // ---- limits -----------------------------------------------------------------------------------------------------

    @Test
    void onlyKnownKindsOfFileWithinTheSizeLimitAreKeptAndARefusalWritesNothing() {
        JsonNode complaint = fileComplaint("agent", registerCustomer().path("code").asText());
        String path = "/api/cases/" + complaint.path("caseNo").asText() + "/attachments";
        long before = rows();

        // a program dressed up as a photo: the client's name and type do not decide, the bytes do
        assertInvalidFields(upload("agent", path, "签字单.png", "MZ\u0090\u0000程序".getBytes(StandardCharsets.ISO_8859_1)),
                "file");
        // a ZIP that is no Word or Excel file
        assertInvalidFields(upload("agent", path, "资料.docx", new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0}), "file");
        // a PDF named as a photo
        JsonNode mismatch = assertInvalidFields(upload("agent", path, "签字单.jpg", PDF), "file");
        assertThat(mismatch.path("detail").asText()).contains("PDF", ".jpg");
        assertInvalidFields(upload("agent", path, "空.pdf", new byte[0]), "file");
        assertInvalidFields(upload("agent", path, null, null), "file");
        Response tooLarge = upload("agent", path, "录音.wav", new byte[10 * 1024 * 1024 + 1]);
        JsonNode problem = assertProblem(tooLarge, 413);
        assertThat(tooLarge.errorFields()).containsExactly("file");
        assertThat(problem.path("detail").asText()).contains("file");
        assertThat(rows()).as("nothing half-written").isEqualTo(before);

        // names lose their folders and unsafe characters; a name without extension gets the type's
        Response kept = upload("agent", path, "..\\..\\etc/签字<1>\u202E.pdf", PDF);
        assertThat(kept.status()).as("%s", kept).isEqualTo(201);
        assertThat(kept.json().path("fileName").asText()).isEqualTo("签字_1__.pdf");
        Response bare = upload("agent", path, "通话录音", concat("ID3".getBytes(StandardCharsets.US_ASCII), PDF));
        assertThat(bare.json().path("fileName").asText()).isEqualTo("通话录音.mp3");
        assertThat(bare.json().path("contentType").asText()).isEqualTo("audio/mpeg");
        Response mail = upload("agent", path, "客户来信.eml",
                "From: kehu@kefu.example\r\nSubject: 确认\r\n\r\n同意处理方案".getBytes(StandardCharsets.UTF_8));
        assertThat(mail.json().path("contentType").asText()).isEqualTo("message/rfc822");
        assertThat(rows()).isEqualTo(before + 3);
    }

    // ---- access -------------------------------------------------------------------------------------------------

    @Test
    void theCasesReadersListAndDownloadItsWorkersAttachAuditorsOnlyReadAndOthersDoNotSeeIt() {
        JsonNode complaint = fileComplaint("agent", registerCustomer().path("code").asText());
        String caseNo = complaint.path("caseNo").asText();
        String path = "/api/cases/" + caseNo + "/attachments";
        long id = upload("agent", path, "收据.pdf", PDF).json().path("id").asLong();

        for (String reader : List.of("agent", "supervisor", "manager", "auditor")) {
            Response list = as(reader).get(path);
            assertThat(list.status()).as("%s lists: %s", reader, list).isEqualTo(200);
            assertThat(list.json().findValuesAsText("fileName")).as(reader).contains("收据.pdf");
            assertThat(download(reader, path + "/" + id).getStatusCode().value()).as(reader).isEqualTo(200);
        }
        assertThat(upload("supervisor", path, "督办记录.pdf", PDF).status()).isEqualTo(201);
        assertProblem(upload("auditor", path, "审计.pdf", PDF), 403);
        // another agent and a department that never had the case: no such case, as for its timeline
        for (String stranger : List.of("agent2", "tech")) {
            assertProblem(as(stranger).get(path), 404);
            assertProblem(upload(stranger, path, "x.pdf", PDF), 404);
            assertThat(download(stranger, path + "/" + id).getStatusCode().value()).isEqualTo(404);
        }
        // an attachment is reached through its own case only
        String other = "/api/cases/" + fileComplaint("agent", registerCustomer().path("code").asText())
                .path("caseNo").asText() + "/attachments/" + id;
        assertThat(download("agent", other).getStatusCode().value()).isEqualTo(404);
        assertProblem(anonymous().get(path), 401);
        // nothing is ever deleted
        assertThat(as("supervisor").send(HttpMethod.DELETE, path + "/" + id, null, new HttpHeaders()).status())
                .isEqualTo(405);
    }

    @Test
    void theEmployeeAComplaintIsAboutSeesNoneOfItsEvidenceAndAddsNone() {
        Map<String, Object> request = complaintRequest(registerCustomer().path("code").asText());
        request.put("complainedEmployee", "tech");
        JsonNode complaint = fileComplaint("agent", request);
        String caseNo = complaint.path("caseNo").asText();
        Task assess = assessmentTask(complaint);
        assertThat(as("agent").post("/api/tasks/" + assess.getId() + "/complete", validAssessment("tech")).status())
                .isEqualTo(200);
        String path = "/api/cases/" + caseNo + "/attachments";
        long id = upload("agent", path, "投诉材料.pdf", PDF).json().path("id").asLong();
        // the department's case, which its other members read; the recused member reads none of its evidence
        assertProblem(as("tech").get(path), 404);
        assertProblem(upload("tech", path, "辩解.pdf", PDF), 404);
        assertThat(download("tech", path + "/" + id).getStatusCode().value()).isEqualTo(404);
    }

    // ---- download and audit -------------------------------------------------------------------------------------

    @Test
    void aDownloadIsAnAttachmentOfItsOwnTypeNeverSniffedAndEveryUploadAndDownloadIsInTheTimelineAndAccessLog() {
        JsonNode complaint = fileComplaint("agent", registerCustomer().path("code").asText());
        String caseNo = complaint.path("caseNo").asText();
        String path = "/api/cases/" + caseNo + "/attachments";
        long id = upload("agent", path, "签字单.png", PNG).json().path("id").asLong();

        ResponseEntity<byte[]> file = download("supervisor", path + "/" + id);
        assertThat(file.getStatusCode().value()).isEqualTo(200);
        assertThat(file.getBody()).isEqualTo(PNG);
        assertThat(file.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
        assertThat(file.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        ContentDisposition disposition = file.getHeaders().getContentDisposition();
        assertThat(disposition.isAttachment()).isTrue();
        assertThat(disposition.getFilename()).isEqualTo("签字单.png");

        JsonNode timeline = as("auditor").get("/api/cases/" + caseNo + "/timeline").json();
        List<String> accesses = timeline.path("entries").findValues("summary").stream().map(JsonNode::asText)
                .filter(s -> s.contains("附件")).toList();
        assertThat(accesses).anySatisfy(s -> assertThat(s).startsWith("上传附件").contains("签字单.png"))
                .anySatisfy(s -> assertThat(s).startsWith("下载附件").contains("签字单.png"));
        List<Map<String, Object>> log = jdbc.queryForList("select username, action, customer_id from data_access_log"
                + " where case_key = ? order by id", caseNo);
        assertThat(log).extracting(r -> r.get("USERNAME") + " " + r.get("ACTION"))
                .containsSubsequence("agent ATTACHMENT_UPLOADED", "supervisor ATTACHMENT_DOWNLOADED");
        assertThat(log).allSatisfy(r -> assertThat(r.get("CUSTOMER_ID")).isNotNull());
    }

    // ---- Tasklist's plugin ----------------------------------------------------------------------------------------

    @Test
    void tasklistsPluginUsesTheTasklistLoginWithCamundasCsrfTokenAndAnotherSiteCannotUpload() {
        JsonNode complaint = fileComplaint("agent", registerCustomer().path("code").asText());
        Task task = assessmentTask(complaint);
        String path = "/api/tasks/" + task.getId() + "/attachments";
        HttpHeaders tasklist = tasklistSession("agent");
        assertThat(tasklist.getFirst("X-XSRF-TOKEN")).isNotBlank();

        ResponseEntity<String> tab = rest.exchange(path, HttpMethod.GET, new HttpEntity<>(tasklist), String.class);
        assertThat(tab.getStatusCode().value()).as("%s", tab).isEqualTo(200);
        assertThat(multipart(tasklist, path, "投诉照片.png", PNG).getStatusCode().value()).isEqualTo(201);

        // the same session cookie without the token (what a page of another site can make a browser send)
        HttpHeaders cookieOnly = new HttpHeaders();
        cookieOnly.put(HttpHeaders.COOKIE, tasklist.get(HttpHeaders.COOKIE));
        assertThat(multipart(cookieOnly, path, "伪造.png", PNG).getStatusCode().value()).isIn(401, 403);
        HttpHeaders wrongToken = new HttpHeaders();
        wrongToken.putAll(cookieOnly);
        wrongToken.set("X-XSRF-TOKEN", "0123456789ABCDEF0123456789ABCDEF");
        assertThat(multipart(wrongToken, path, "伪造.png", PNG).getStatusCode().value()).isIn(401, 403);
        assertThat(as("agent").get(path).json().path("attachments")).hasSize(1);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** A loan of a customer file by the agent, approved: waiting at the archive's hand-out. */
    private Task loanAtHandOut() {
        identityCheck("archivist", "archivists");
        Map<String, Object> filing = new LinkedHashMap<>();
        filing.put("title", unique("借阅档案"));
        filing.put("kind", "CUSTOMER_FILE");
        filing.put("customerId", registerCustomer().path("id").asLong());
        filing.put("location", "档案室一-A柜-01层");
        filing.put("originals", 1);
        filing.put("copies", 0);
        filing.put("secrecy", "ORDINARY");
        Response entry = as("archivist").post("/api/archive/entries", filing);
        assertThat(entry.status()).as("%s", entry).isEqualTo(201);
        Response loan = as("agent").post("/api/archive/loans", Map.of("archiveNo",
                entry.json().path("archiveNo").asText(), "loanKind", "STAFF", "pieces", 1, "purpose", "核对签字"));
        assertThat(loan.status()).as("%s", loan).isEqualTo(201);
        long loanId = loan.json().path("loanId").asLong();
        Task approve = taskService.createTaskQuery().processVariableValueEquals("loanId", loanId)
                .taskDefinitionKey("Task_ApproveLoan").singleResult();
        Response approved = as("manager").post("/api/tasks/" + approve.getId() + "/complete",
                Map.of("loanApproved", true, "decisionNote", "同意"));
        assertThat(approved.status()).as("%s", approved).isEqualTo(200);
        return taskService.createTaskQuery().processInstanceId(approve.getProcessInstanceId())
                .taskDefinitionKey("Task_HandOutFile").singleResult();
    }

    private void identityCheck(String user, String group) {
        if (identityService.createUserQuery().userId(user).count() == 0) {
            var created = identityService.newUser(user);
            created.setPassword(user);
            identityService.saveUser(created);
        }
        if (identityService.createUserQuery().userId(user).memberOfGroup(group).count() == 0) {
            identityService.createMembership(user, group);
        }
    }

    private long rows() {
        return jdbc.queryForObject("select count(*) from case_attachment", Long.class);
    }

    Response upload(String user, String path, String name, byte[] content) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, user, StandardCharsets.UTF_8);
        ResponseEntity<byte[]> response = multipart(headers, path, name, content);
        byte[] body = response.getBody();
        return new Response(response.getStatusCode().value(), response.getHeaders(),
                body == null ? "" : new String(body, StandardCharsets.UTF_8));
    }

    private ResponseEntity<byte[]> multipart(HttpHeaders headers, String path, String name, byte[] content) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        if (content != null) {
            body.add("file", new ByteArrayResource(content) {
                @Override
                public String getFilename() {
                    return name;
                }
            });
        } else {
            body.add("note", "没有文件");
        }
        HttpHeaders h = new HttpHeaders();
        h.putAll(headers);
        h.setContentType(MediaType.MULTIPART_FORM_DATA);
        h.setAccept(List.of(MediaType.APPLICATION_JSON, PROBLEM_JSON));
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, h), byte[].class);
    }

    private ResponseEntity<byte[]> download(String user, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, user, StandardCharsets.UTF_8);
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
