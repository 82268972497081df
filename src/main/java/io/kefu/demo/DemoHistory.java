package io.kefu.demo;

import static io.kefu.complaint.process.ComplaintProcess.*;

import io.kefu.complaint.Channel;
import io.kefu.complaint.Complaint;
import io.kefu.complaint.ComplaintCategory;
import io.kefu.complaint.ComplaintIntake;
import io.kefu.complaint.ComplaintService;
import io.kefu.complaint.Severity;
import io.kefu.contract.Contract;
import io.kefu.contract.ContractService;
import io.kefu.contract.TerminationParty;
import io.kefu.contract.TerminationRequest;
import io.kefu.contract.process.ContractProcess;
import io.kefu.customer.CustomerDetails;
import io.kefu.customer.CustomerService;
import io.kefu.customer.CustomerType;
import io.kefu.shared.time.BusinessCalendar;
import io.kefu.shared.time.WorkingHours;
import io.kefu.visit.SurveyService;
import io.kefu.visit.SurveyService.CampaignRequest;
import io.kefu.visit.SurveyService.DeliveryRequest;
import io.kefu.visit.Visit;
import io.kefu.visit.process.VisitProcess;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Last month's history, so the reports of the previous month have figures and an auditor finds closed cases: about
 * fifteen complaints driven through 投诉处理 (closed, 不成立, one answered after its response deadline, one reopened
 * after an unsatisfied return visit, a few still open), a satisfaction survey and delivery follow-ups answered. Every
 * step runs through the real processes on the engine clock moved back to when it happened, done by the demo user
 * who would do it (so timelines and record changes show who and when). Created once: nothing happens when a
 * complaint older than this month exists.
 */
@Component
@Order(70)
@ConditionalOnProperty(name = "kefu.demo.enabled", havingValue = "true")
class DemoHistory implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

    /** How a story ends (or where it still waits). */
    enum Outcome { CLOSED, INVALID, RESPONSE_BREACH, REOPENED, OPEN_AT_IMPLEMENTATION, OPEN_AT_APPROVAL, OPEN_AT_VISIT }

    record Story(String customerCode, ComplaintCategory category, Severity severity, Channel channel,
            String complainant, String description, String request, String owner, String department, Outcome outcome) {
    }

    private static final List<Story> STORIES = List.of(
            new Story("C00004", ComplaintCategory.DELIVERY, Severity.MINOR, Channel.HOTLINE, "周先生",
                    "订购的货品比约定晚到四天,影响周末促销。", "说明原因并补偿运费", "agent", "warehouse", Outcome.CLOSED),
            new Story("C00007", ComplaintCategory.PRODUCT_QUALITY, Severity.MAJOR, Channel.WECHAT, "吴女士",
                    "同一批次的商品有十余件包装漏气,无法上架销售。", "退换问题商品", "agent", "tech", Outcome.CLOSED),
            new Story("C00035", ComplaintCategory.BILLING, Severity.MINOR, Channel.EMAIL, "郑经理",
                    "上月对账单中返利金额与合同约定不符。", "核对并补发返利", "agent2", "finance", Outcome.CLOSED),
            new Story("C00064", ComplaintCategory.SERVICE_ATTITUDE, Severity.MINOR, Channel.HOTLINE, "冯先生",
                    "热线客服接听时不耐烦,未解答配送问题。", "希望改进服务态度", "agent", "service", Outcome.INVALID),
            new Story("C00012", ComplaintCategory.SALES_PROMISE, Severity.MAJOR, Channel.WALK_IN, "陈店长",
                    "业务员承诺的开业物料至今未到。", "尽快补齐物料", "agent2", "sales", Outcome.RESPONSE_BREACH),
            new Story("C00095", ComplaintCategory.PRODUCT_QUALITY, Severity.MINOR, Channel.ONLINE, "林女士",
                    "购买的商品使用一周后出现开裂。", "更换新品", "agent", "tech", Outcome.REOPENED),
            new Story("C00041", ComplaintCategory.CONTRACT, Severity.MINOR, Channel.LETTER, "罗总",
                    "代理区域内出现其他代理商窜货,希望公司处理。", "查处窜货并书面答复", "agent2", "business", Outcome.CLOSED),
            new Story("C00070", ComplaintCategory.TECHNICAL, Severity.MINOR, Channel.ONLINE, "何先生",
                    "订货系统连续两天无法提交订单。", "尽快修复系统", "agent", "tech", Outcome.CLOSED),
            new Story("C00018", ComplaintCategory.DELIVERY, Severity.CRITICAL, Channel.HOTLINE, "高店长",
                    "配送车辆在门店前卸货时撞坏店招,司机态度恶劣。", "赔偿损失并道歉", "agent", "warehouse", Outcome.CLOSED),
            new Story("C00101", ComplaintCategory.OTHER, Severity.MINOR, Channel.WECHAT, "马女士",
                    "会员积分未按活动规则到账。", "补发积分", "agent2", "service", Outcome.INVALID),
            new Story("C00048", ComplaintCategory.BILLING, Severity.MAJOR, Channel.EMAIL, "胡经理",
                    "货款已付却被系统标记为欠款,停止发货。", "立即恢复发货", "agent", "finance", Outcome.CLOSED),
            new Story("C00077", ComplaintCategory.PRODUCT_QUALITY, Severity.MINOR, Channel.HOTLINE, "郭先生",
                    "新品口味与样品差异较大,顾客退货多。", "调换并说明原因", "agent2", "tech", Outcome.CLOSED),
            new Story("C00025", ComplaintCategory.SERVICE_ATTITUDE, Severity.MINOR, Channel.WALK_IN, "徐店长",
                    "督导巡店时当众指责店员,言语不当。", "督导道歉", "agent", "business", Outcome.OPEN_AT_IMPLEMENTATION),
            new Story("C00056", ComplaintCategory.SALES_PROMISE, Severity.MINOR, Channel.HOTLINE, "孙经理",
                    "促销政策承诺的搭赠未兑现。", "按政策补发搭赠", "agent2", "sales", Outcome.OPEN_AT_APPROVAL),
            new Story("C00110", ComplaintCategory.DELIVERY, Severity.MINOR, Channel.ONLINE, "朱女士",
                    "送货上门时间与预约不符,无人签收。", "重新预约配送", "agent", "warehouse", Outcome.OPEN_AT_VISIT));

    private final ComplaintService complaints;
    private final ContractService contracts;
    private final ContractDemoData contractDemo;
    private final SurveyService surveys;
    private final CustomerService customers;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final IdentityService identityService;
    private final BusinessCalendar calendar;
    private final WorkingHours hours;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    /** When the current step happens; the engine clock follows it. */
    private Instant now;
    private Instant realNow;

    DemoHistory(ComplaintService complaints, ContractService contracts, ContractDemoData contractDemo,
            SurveyService surveys, CustomerService customers,
            RuntimeService runtimeService, TaskService taskService, ManagementService managementService,
            IdentityService identityService, BusinessCalendar calendar, WorkingHours hours, JdbcTemplate jdbc,
            TransactionTemplate transaction) {
        this.complaints = complaints;
        this.contracts = contracts;
        this.contractDemo = contractDemo;
        this.surveys = surveys;
        this.customers = customers;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.managementService = managementService;
        this.identityService = identityService;
        this.calendar = calendar;
        this.hours = hours;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            realNow = calendar.now();
            YearMonth lastMonth = YearMonth.from(realNow.atZone(hours.zone())).minusMonths(1);
            // a margin of two days for the time zone: any complaint older than this month means the history exists
            Timestamp monthStart = Timestamp.valueOf(lastMonth.plusMonths(1).atDay(1).atStartOfDay().minusDays(2));
            Integer older = jdbc.queryForObject("select count(*) from complaint where created_at < ?", Integer.class,
                    monthStart);
            if (older != null && older > 0) {
                return;
            }
            List<LocalDate> days = workingDays(lastMonth);
            if (days.isEmpty()) {
                return;
            }
            int closed = 0;
            for (int i = 0; i < STORIES.size(); i++) {
                LocalDate day = days.get(i * days.size() / STORIES.size());
                LocalDateTime start = day.atTime(hours.start()).plusMinutes(20 + (i * 47L) % 400);
                if (tell(STORIES.get(i), start.atZone(hours.zone()).toInstant(), i)) {
                    closed++;
                }
            }
            int visits = answerSurveys(days);
            int onboarded = contractHistory(days);
            log.info("Demo history of {} created: {} complaints ({} ended), {} visits answered, {} customers "
                    + "onboarded (one terminated)", lastMonth, STORIES.size(), closed, visits, onboarded);
        } catch (RuntimeException e) {
            log.warn("Demo history not (fully) created: {}", e.toString());
        } finally {
            ClockUtil.reset();
            identityService.clearAuthentication();
            SecurityContextHolder.clearContext();
        }
    }

    private List<LocalDate> workingDays(YearMonth month) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
            if (hours.isWorkingDay(d)) {
                days.add(d);
            }
        }
        return days;
    }

    // ---- complaints ----------------------------------------------------------------------------------------------

    /** Opens the complaint at {@code openedAt} and drives it as far as its story goes; true when its process ended. */
    private boolean tell(Story story, Instant openedAt, int index) {
        try {
            CustomerDetails customer = customers.byCode(story.customerCode()).orElse(null);
            if (customer == null) {
                return false;
            }
            at(openedAt);
            Complaint complaint = as(story.owner(), () -> transaction.execute(s -> complaints.openCase(
                    new ComplaintIntake(customer.code(), story.complainant(), "1380013" + String.format("%04d",
                            1000 + index * 37), story.channel(), story.category(), story.severity(), story.description(),
                            story.request(), null), story.owner())));
            return drive(complaint, story, index);
        } catch (RuntimeException e) {
            log.warn("Demo complaint of {} stopped: {}", story.customerCode(), e.toString());
            return false;
        }
    }

    private boolean drive(Complaint complaint, Story story, int index) {
        String pid = complaint.getProcessInstanceId();
        boolean breached = false;
        int returnVisits = 0;
        for (int guard = 0; guard < 40; guard++) {
            List<Task> open = taskService.createTaskQuery().processInstanceId(pid).orderByTaskCreateTime().asc().list();
            if (open.isEmpty()) {
                return true;
            }
            Task task = open.stream().filter(t -> SIDE_TASKS.contains(t.getTaskDefinitionKey())).findFirst()
                    .orElse(open.get(0));
            String key = task.getTaskDefinitionKey();
            if (stopsAt(story.outcome(), key)) {
                return false;
            }
            if (key.equals(TASK_ASSESS_VALIDITY) && story.outcome() == Outcome.RESPONSE_BREACH && !breached) {
                fireResponseDeadline(pid);
                breached = true;
                continue;
            }
            Duration step = key.equals(TASK_RETURN_VISIT) ? Duration.ofHours(8)
                    : Duration.ofMinutes(STEP_MINUTES.getOrDefault(key, 45) + (index * 13L + guard * 7L) % 40);
            Instant when = calendar.addWorkingTime(now, step);
            if (when.isAfter(realNow.minus(Duration.ofMinutes(30)))) {
                return false; // the story would run into the future: it stays open where it is
            }
            at(when);
            String department = (String) runtimeService.getVariable(pid, DEPARTMENT_GROUP);
            Map<String, Object> form = form(key, story, index, returnVisits);
            if (key.equals(TASK_RETURN_VISIT)) {
                returnVisits++;
            }
            complete(task, userFor(task, department == null ? story.department() : department), form);
        }
        return false;
    }

    private static final Set<String> SIDE_TASKS = Set.of(TASK_ACKNOWLEDGE_SEVERE, TASK_SUPERVISE_RESPONSE_BREACH,
            TASK_SUPERVISE_RESOLUTION_BREACH, TASK_SUPERVISE_OVERDUE_VISIT, TASK_ANALYSE_ROOT_CAUSE);

    private static final Map<String, Integer> STEP_MINUTES = Map.ofEntries(Map.entry(TASK_ASSESS_VALIDITY, 35),
            Map.entry(TASK_INVESTIGATE, 150), Map.entry(TASK_PROPOSE_SOLUTIONS, 80),
            Map.entry(TASK_SELECT_SOLUTION, 50), Map.entry(TASK_MANAGER_DECISION, 60),
            Map.entry(TASK_IMPLEMENT_SOLUTION, 210), Map.entry(TASK_CONFIRM_WITH_CUSTOMER, 70),
            Map.entry(TASK_REVIEW_REOPENED, 40), Map.entry(TASK_CLOSE, 55), Map.entry(TASK_ACKNOWLEDGE_SEVERE, 20),
            Map.entry(TASK_SUPERVISE_RESPONSE_BREACH, 15), Map.entry(TASK_ANALYSE_ROOT_CAUSE, 120));

    private static boolean stopsAt(Outcome outcome, String key) {
        return switch (outcome) {
            case OPEN_AT_IMPLEMENTATION -> key.equals(TASK_IMPLEMENT_SOLUTION);
            case OPEN_AT_APPROVAL -> key.equals(TASK_SELECT_SOLUTION);
            case OPEN_AT_VISIT -> key.equals(TASK_RETURN_VISIT);
            default -> false;
        };
    }

    /** The response deadline passes unanswered: the timer fires (as the engine, not as a user) 20 minutes later. */
    private void fireResponseDeadline(String pid) {
        Job timer = managementService.createJobQuery().processInstanceId(pid).activityId(TIMER_RESPONSE_DEADLINE)
                .singleResult();
        if (timer == null || timer.getDuedate() == null) {
            return;
        }
        Instant due = timer.getDuedate().toInstant().plus(Duration.ofMinutes(20));
        if (due.isAfter(realNow)) {
            return;
        }
        at(due);
        managementService.executeJob(timer.getId());
    }

    /** What the task's form submits in the story. */
    private Map<String, Object> form(String key, Story story, int index, int returnVisits) {
        Map<String, Object> form = new HashMap<>();
        switch (key) {
            case TASK_ASSESS_VALIDITY -> {
                boolean valid = story.outcome() != Outcome.INVALID;
                form.put(COMPLAINT_VALID, valid);
                if (valid) {
                    form.put("validityReason", "经核实,客户反映情况属实");
                    form.put("department", story.department());
                    form.put("causeType", CAUSES[index % CAUSES.length]);
                } else {
                    form.put("validityReason", "经核查记录,情况与客户所述不符");
                    form.put("invalidReply", "已向客户出示相关记录并耐心解释,客户表示理解");
                }
            }
            case TASK_ACKNOWLEDGE_SEVERE, TASK_SUPERVISE_RESPONSE_BREACH, TASK_SUPERVISE_RESOLUTION_BREACH,
                    TASK_SUPERVISE_OVERDUE_VISIT -> form.put("escalationNote", "已督促责任人今日内处理并回复客户");
            case TASK_ANALYSE_ROOT_CAUSE -> {
                form.put("rootCause", "同类问题反复出现,流程缺少复核环节");
                form.put("preventiveMeasures", "增加出库复核,每周通报");
            }
            case TASK_INVESTIGATE -> {
                form.put("findings", "核实记录与现场情况,问题原因已查明");
                form.put("responsiblePerson", "当班负责人");
            }
            case TASK_PROPOSE_SOLUTIONS -> {
                form.put("solutionOption1", "向客户致歉并给予补偿");
                form.put("solutionOption2", "更换或补发并承担费用");
                form.put("solutionOption3", "书面说明并改进流程");
            }
            case TASK_SELECT_SOLUTION -> {
                form.put(SOLUTION_DECISION, "OPTION_" + (index % 2 + 1));
                form.put("leaderInstruction", "同意,尽快实施并回复客户");
            }
            case TASK_MANAGER_DECISION -> {
                form.put(MANAGER_DECISION, "OPTION_1");
                form.put("managerInstruction", "采用方案一,由部门负责人亲自跟进");
            }
            case TASK_IMPLEMENT_SOLUTION -> {
                form.put("implementationNotes", "方案已按期实施");
                form.put("penalties", index % 3 == 0 ? "责任人通报批评" : "无");
            }
            case TASK_CONFIRM_WITH_CUSTOMER -> {
                form.put(CUSTOMER_ACCEPTED, true);
                form.put("acceptanceMethod", "PHONE_RECORDING");
                form.put("acceptanceReference", "通话录音 REC-" + (2000 + index));
            }
            case TASK_RETURN_VISIT -> {
                boolean unhappy = story.outcome() == Outcome.REOPENED && returnVisits == 0;
                form.put(SATISFACTION, unhappy ? "DISSATISFIED" : index % 4 == 1 ? "NEUTRAL" : "SATISFIED");
                form.put("visitRemarks", unhappy ? "客户认为更换的商品仍有问题,不满意" : "客户对处理结果表示认可");
                form.put("improvement", "加强过程跟踪");
            }
            case TASK_REVIEW_REOPENED -> {
                form.put("managerInstruction", "改由技术部彻查并重新制定方案");
                form.put("department", story.department());
            }
            case TASK_CLOSE -> {
                form.put("closingCategory", story.category().name());
                form.put("closingSummary", "问题已闭环,纳入月度分类统计");
            }
            default -> { }
        }
        return form;
    }

    private static final String[] CAUSES = {"PROCESS", "PRODUCT", "STAFF", "SERVICE"};

    /** Who does the task: its assignee, else the demo user of its candidate group. */
    private static String userFor(Task task, String departmentGroup) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        return switch (task.getTaskDefinitionKey()) {
            case TASK_SELECT_SOLUTION, TASK_CLOSE, TASK_SUPERVISE_RESPONSE_BREACH, TASK_SUPERVISE_OVERDUE_VISIT ->
                    "supervisor";
            case TASK_MANAGER_DECISION, TASK_ACKNOWLEDGE_SEVERE, TASK_REVIEW_REOPENED, TASK_SUPERVISE_RESOLUTION_BREACH ->
                    "manager";
            default -> memberOf(departmentGroup);
        };
    }

    /** The demo user of a group: agents → agent, dept-tech → tech. */
    private static String memberOf(String group) {
        if (group == null) {
            return "agent";
        }
        return switch (group) {
            case "agents" -> "agent";
            case "supervisors" -> "supervisor";
            case "managers" -> "manager";
            case "division-leaders" -> "leader";
            case "directors" -> "director";
            case "archivists" -> "archivist";
            default -> group.startsWith("dept-") ? group.substring(5) : group;
        };
    }

    // ---- visits ----------------------------------------------------------------------------------------------------

    /** A satisfaction survey mid-month and two delivery follow-ups, answered a day or two later. */
    private int answerSurveys(List<LocalDate> days) {
        int answered = 0;
        try {
            LocalDate surveyDay = days.get(days.size() / 3);
            at(surveyDay.atTime(hours.start()).plusMinutes(30).atZone(hours.zone()).toInstant());
            List<String> codes = DemoCustomers.all(customers).stream()
                    .filter(c -> c.type() == CustomerType.FRANCHISEE && c.specialist() != null)
                    .skip(10).limit(6).map(CustomerDetails::code).toList();
            var campaign = as("supervisor", () -> transaction.execute(s -> surveys.startCampaign(
                    new CampaignRequest("上月加盟商满意度调查", null, null, codes, surveyDay), "supervisor")));
            List<CustomerDetails> dealers = DemoCustomers.all(customers).stream()
                    .filter(c -> c.type() == CustomerType.DEALER && c.specialist() != null).skip(3).limit(2)
                    .toList();
            List<Visit> deliveries = new ArrayList<>();
            for (int i = 0; i < dealers.size(); i++) {
                CustomerDetails dealer = dealers.get(i);
                String order = "SO-" + surveyDay.toString().replace("-", "") + "-0" + (i + 1);
                deliveries.add(transaction.execute(s -> surveys.startDeliveryFollowUp(
                        new DeliveryRequest(dealer.code(), order, surveyDay.minusDays(1), "店长"))));
            }
            List<String> processes = new ArrayList<>(campaign == null ? List.of() : jdbc.queryForList(
                    "select process_instance_id from visit where campaign_id = ? order by id", String.class,
                    campaign.getId()));
            deliveries.forEach(v -> processes.add(v.getProcessInstanceId()));
            List<Task> tasks = processes.stream().flatMap(pid -> taskService.createTaskQuery().processInstanceId(pid)
                    .list().stream()).toList();
            for (int i = 0; i < tasks.size(); i++) {
                Task task = tasks.get(i);
                Instant when = calendar.addWorkingTime(now, Duration.ofMinutes(50 + (i * 31L) % 90));
                if (when.isAfter(realNow.minus(Duration.ofMinutes(30)))) {
                    break;
                }
                at(when);
                String answer = i % 5 == 3 ? "NEUTRAL" : i % 7 == 5 ? "DISSATISFIED" : "SATISFIED";
                complete(task, task.getAssignee() != null ? task.getAssignee() : memberOf(groupOf(task)),
                        VisitProcess.TASK_CONDUCT_SURVEY.equals(task.getTaskDefinitionKey())
                                ? surveyAnswers(answer) : deliveryAnswers(answer));
                answered++;
            }
        } catch (RuntimeException e) {
            log.warn("Demo visits of last month stopped: {}", e.toString());
        }
        return answered;
    }

    private String groupOf(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream().filter(l -> l.getGroupId() != null)
                .map(l -> l.getGroupId()).findFirst().orElse(null);
    }

    private static Map<String, Object> surveyAnswers(String satisfaction) {
        Map<String, Object> form = new HashMap<>();
        form.put("channel", "PHONE");
        form.put("productSatisfaction", "SATISFIED");
        form.put("serviceSatisfaction", satisfaction);
        form.put("deliverySatisfaction", "SATISFIED".equals(satisfaction) ? "SATISFIED" : "NEUTRAL");
        form.put("satisfaction", satisfaction);
        form.put("improvement", "SATISFIED".equals(satisfaction) ? null : "希望配送更准时");
        form.put("suggestions", "希望增加新品培训");
        form.put("complaintRaised", false);
        form.put("businessMatter", false);
        return form;
    }

    private static Map<String, Object> deliveryAnswers(String satisfaction) {
        Map<String, Object> form = new HashMap<>();
        form.put("deliveredOnTime", "true");
        form.put("goodsIntact", "true");
        form.put("deliveryAnomaly", false);
        form.put("satisfaction", satisfaction);
        form.put("improvement", "SATISFIED".equals(satisfaction) ? null : "希望提前电话通知送货时间");
        form.put("remarks", "货品已签收");
        form.put("complaintRaised", false);
        return form;
    }

    // ---- contracts -------------------------------------------------------------------------------------------------

    /** Three customers onboarded early in the month (so the month has customers), one of them terminated late in it. */
    private int contractHistory(List<LocalDate> days) {
        List<Contract> onboarded = new ArrayList<>();
        String[][] prospects = {
                {"FRANCHISEE", "苏州盛世加盟店", "13851200011", "苏州市姑苏区", "观前街店"},
                {"AGENT", "合肥宏达商贸有限公司", "13855100012", "合肥市", null},
                {"FRANCHISEE", "宁波海曙加盟店", "13857400013", "宁波市海曙区", "鼓楼店"}};
        try {
            for (int i = 0; i < prospects.length; i++) {
                String[] p = prospects[i];
                at(days.get(i).atTime(hours.start()).plusMinutes(40).atZone(hours.zone()).toInstant());
                Contract contract = contractDemo.prospect(CustomerType.valueOf(p[0]), p[1], p[2]);
                contractDemo.onboardFully(contract, p[3], p[4],
                        () -> at(calendar.addWorkingTime(now, Duration.ofMinutes(55))));
                onboarded.add(contract);
                sendNotices(contract.getProcessInstanceId());
            }
            Contract leaving = onboarded.get(1);
            at(days.get(days.size() - 3).atTime(hours.start()).plusMinutes(75).atZone(hours.zone()).toInstant());
            as("agent", () -> transaction.execute(s -> contracts.startTermination(leaving.getId(),
                    new TerminationRequest(TerminationParty.CUSTOMER, "经营战略调整,不再代理本公司产品"), "agent")));
            for (int guard = 0; guard < 10; guard++) {
                Task task = taskService.createTaskQuery().processDefinitionKey(ContractProcess.TERMINATION_KEY)
                        .processInstanceBusinessKey(leaving.getContractNo()).listPage(0, 1).stream().findFirst()
                        .orElse(null);
                if (task == null) {
                    break;
                }
                at(calendar.addWorkingTime(now, Duration.ofMinutes(90)));
                Map<String, Object> form = new HashMap<>();
                String user = switch (task.getTaskDefinitionKey()) {
                    case ContractProcess.TASK_REVIEW_TERMINATION -> {
                        form.put("proceed", true);
                        form.put("unpaidItems", "");
                        form.put("terminationReviewNote", "客户书面申请,理由属实,无未结投诉");
                        yield "supervisor";
                    }
                    case ContractProcess.TASK_SETTLE_OPEN_MATTERS -> {
                        form.put("complaintsSettled", true);
                        form.put("loansSettled", true);
                        form.put("paymentsSettled", true);
                        form.put("settlementNote", "往来款项已结清");
                        yield "agent";
                    }
                    case ContractProcess.TASK_APPROVE_TERMINATION -> {
                        form.put("approved", true);
                        form.put("terminationApprovalNote", "同意解约");
                        yield "manager";
                    }
                    default -> null;
                };
                if (user == null) {
                    break;
                }
                complete(task, user, form);
            }
            runtimeService.createProcessInstanceQuery().processDefinitionKey(ContractProcess.TERMINATION_KEY)
                    .processInstanceBusinessKey(leaving.getContractNo()).list().forEach(p -> sendNotices(p.getId()));
        } catch (RuntimeException e) {
            log.warn("Demo contracts of last month stopped: {}", e.toString());
        }
        return onboarded.size();
    }

    /** Sends the process's notices (asynchronous steps) now, on the moved clock, rather than after the start. */
    private void sendNotices(String processInstanceId) {
        for (Job job : managementService.createJobQuery().processInstanceId(processInstanceId).messages().list()) {
            try {
                managementService.executeJob(job.getId());
            } catch (RuntimeException e) {
                log.warn("Demo notice of process {} not sent: {}", processInstanceId, e.toString());
            }
        }
    }

    // ---- time and people -------------------------------------------------------------------------------------------

    private void at(Instant instant) {
        now = instant;
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    /** Claims the task unless it is the user's already, then submits the form, as that user. */
    private void complete(Task task, String user, Map<String, Object> form) {
        DemoActor.complete(identityService, taskService, user, () -> task, form);
    }

    private <T> T as(String user, Supplier<T> work) {
        return DemoActor.as(identityService, user, work);
    }
}
