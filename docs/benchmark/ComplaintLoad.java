import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's load client (docs/benchmark.md): walks complaints through the engine REST API as Tasklist's users
 * would, on Kefu or on the bare engine alike. One case = 22 requests: the start form, then for each of the 8 user tasks
 * of the path a task query, a claim when the task is not assigned yet, and the task form's submission.
 *
 *   java docs/benchmark/ComplaintLoad.java BASE_URL THREADS CASES [FIRST_CUSTOMER]
 *
 * Prints one line: cases, seconds, cases/s, errors, and per request kind n, p50 and p95 in milliseconds.
 */
public class ComplaintLoad {

    record Step(String task, String user, boolean claim, Map<String, Object> variables) {}

    /** The complaint path: valid, referred to 销售部, first solution taken, customer accepts, satisfied, closed. */
    static final List<Step> PATH = List.of(
            new Step("Task_AssessValidity", "agent", false, vars("complaintValid", true, "validityReason",
                    "投诉属实", "department", "sales", "causeType", "SERVICE")),
            new Step("Task_InvestigateComplaint", "sales", true, vars("findings", "已核实经过")),
            new Step("Task_ProposeSolutions", "sales", true, vars("solutionOption1", "书面道歉并补偿")),
            new Step("Task_SelectSolution", "supervisor", true, vars("solutionDecision", "OPTION_1",
                    "leaderInstruction", "同意方案一")),
            new Step("Task_ImplementSolution", "sales", true, vars("implementationNotes", "已道歉并补偿")),
            new Step("Task_ConfirmWithCustomer", "agent", false, vars("customerAccepted", true,
                    "acceptanceMethod", "PHONE_RECORDING")),
            new Step("Task_ReturnVisit", "agent", false, vars("satisfaction", "SATISFIED", "visitRemarks",
                    "客户满意")),
            new Step("Task_CloseComplaint", "supervisor", true, vars("closingCategory", "SERVICE_ATTITUDE",
                    "closingSummary", "已妥善处理")));

    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    final String base;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    final List<String> errors = new CopyOnWriteArrayList<>();

    ComplaintLoad(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        ComplaintLoad load = new ComplaintLoad(args[0]);
        int threads = Integer.parseInt(args[1]);
        int cases = Integer.parseInt(args[2]);
        int firstCustomer = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        long started = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                for (int c; (c = next.getAndIncrement()) < cases; ) {
                    try {
                        load.walk(1 + (firstCustomer - 1 + c) % 120);
                        done.incrementAndGet();
                    } catch (Exception e) {
                        load.errors.add(e.getMessage());
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        StringBuilder line = new StringBuilder(String.format("cases=%d seconds=%.1f cases_per_s=%.2f errors=%d",
                done.get(), seconds, done.get() / seconds, load.errors.size()));
        for (String kind : List.of("start", "query", "claim", "submit")) {
            List<Long> values = new ArrayList<>(load.latencies.getOrDefault(kind, List.of()));
            Collections.sort(values);
            line.append(String.format(" %s_n=%d %s_p50=%.1f %s_p95=%.1f", kind, values.size(), kind,
                    percentile(values, 50), kind, percentile(values, 95)));
        }
        System.out.println(line);
        load.errors.stream().distinct().limit(3).forEach(e -> System.err.println("error: " + e));
        System.exit(load.errors.isEmpty() ? 0 : 1);
    }

    void walk(int customer) throws Exception {
        Map<String, Object> intake = vars("customerCode", String.format("C%05d", customer), "complainantName", "张先生",
                "complainantPhone", "13800000000", "channel", "HOTLINE", "category", "SERVICE_ATTITUDE",
                "severity", "MINOR", "description", "服务态度差", "customerRequest", "道歉");
        String instance = id(call("start", "agent", "POST",
                "/engine-rest/process-definition/key/complaint-handling/submit-form", form(intake)));
        for (Step step : PATH) {
            String tasks = call("query", step.user(), "GET", "/engine-rest/task?processInstanceId=" + instance
                    + "&taskDefinitionKey=" + step.task(), null);
            String task = id(tasks);
            if (task == null) {
                throw new IllegalStateException(step.task() + " not found for " + step.user() + ": " + tasks);
            }
            if (step.claim()) {
                call("claim", step.user(), "POST", "/engine-rest/task/" + task + "/claim",
                        "{\"userId\":\"" + step.user() + "\"}");
            }
            call("submit", step.user(), "POST", "/engine-rest/task/" + task + "/submit-form", form(step.variables()));
        }
    }

    String call(String kind, String user, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json");
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        long t0 = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        long micros = (System.nanoTime() - t0) / 1000;
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(kind + " " + path + " as " + user + ": " + response.statusCode() + " "
                    + response.body().substring(0, Math.min(300, response.body().length())));
        }
        latencies.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>())).add(micros);
        return response.body();
    }

    static String id(String json) {
        Matcher m = ID.matcher(json);
        return m.find() ? m.group(1) : null;
    }

    static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }

    static Map<String, Object> vars(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** {"variables": {"name": {"value": ...}, ...}} */
    static String form(Map<String, Object> variables) {
        StringBuilder json = new StringBuilder("{\"variables\":{");
        String comma = "";
        for (var e : variables.entrySet()) {
            Object v = e.getValue();
            json.append(comma).append('"').append(e.getKey()).append("\":{\"value\":")
                    .append(v instanceof String s ? "\"" + s.replace("\"", "\\\"") + "\"" : String.valueOf(v))
                    .append('}');
            comma = ",";
        }
        return json.append("}}").toString();
    }
}
