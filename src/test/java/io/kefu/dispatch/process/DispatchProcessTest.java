package io.kefu.dispatch.process;

import static io.kefu.dispatch.process.DispatchProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.kefu.support.ProcessTasks;
import io.kefu.customer.Customer;
import io.kefu.customer.CustomerRequest;
import io.kefu.customer.CustomerRequest.ContactRequest;
import io.kefu.customer.CustomerService;
import io.kefu.customer.CustomerTier;
import io.kefu.customer.CustomerType;
import io.kefu.dispatch.WorkOrder;
import io.kefu.dispatch.WorkOrderKind;
import io.kefu.dispatch.WorkOrderRequest;
import io.kefu.dispatch.WorkOrderService;
import io.kefu.dispatch.WorkOrderStatus;
import io.kefu.identity.CurrentUser;
import io.kefu.shared.InvalidInputException;
import io.kefu.support.TestUsers;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** The dispatch process (派工), one test per path: install, repair in and out of warranty, late visit, rejected. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DispatchProcessTest {

    static final String CONTACT = "郑师傅";
    static final String PHONE = "13712345678";
    static final String ADDRESS = "广东省深圳市南山区科技园路88号";
    static final String DRIVER = "司机陈大力 13655556666";
    static final CurrentUser AGENT = new CurrentUser("agent", Set.of("agents"));
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    CustomerService customers;
    @Autowired
    WorkOrderService orders;

    Customer customer;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        TestUsers.ensure(identityService, "agent", "agents");
        TestUsers.ensure(identityService, "manager", "managers");
        TestUsers.ensure(identityService, "tech", "dept-tech");
        TestUsers.ensure(identityService, "tech2", "dept-tech");
        TestUsers.ensure(identityService, "finance", "dept-finance");
        customer = customers.register(new CustomerRequest("派工测试客户-" + UUID.randomUUID().toString().substring(0, 8),
                CustomerType.FRANCHISEE, CustomerTier.B, List.of(new ContactRequest("王小明", "13800001234", "店长")),
                "浙江省杭州市西湖区文三路1号", "华东", 1, "agent", LocalDate.now().minusYears(2)));
    }

    @AfterEach
    void tearDown() {
        // the suite shares one database: a second member of the technical department would take department steps of
        // other features' tests by balanced load
        identityService.deleteMembership("tech2", "dept-tech");
        BpmnAwareTests.reset();
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    @Test
    void anInstallationFromTheStartFormGoesToTheLeastLoadedTechnicianAndEndsWithAReturnVisit() {
        Map<String, Object> form = new HashMap<>(Map.of("kind", "INSTALLATION", "customerCode", customer.getCode(),
                "contactName", CONTACT, "contactPhone", PHONE, "address", ADDRESS, "productModel", "GPS-T200 车载终端",
                "vehicleDetails", "粤B12345 厢式货车 1 台", "driverDetails", DRIVER, "appointmentAt",
                tomorrowAt(12, 30)));
        identityService.setAuthentication("agent", List.of("agents"));
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(KEY, form))
                .as("客户午休时间不能预约").hasMessageContaining("休息时间");
        form.put("appointmentAt", tomorrowAt(9, 30));
        ProcessInstance process = runtimeService.startProcessInstanceByKey(KEY, form);
        identityService.clearAuthentication();

        WorkOrder order = orders.forProcessInstance(process.getId()).orElseThrow();
        assertThat(process).hasBusinessKey(order.getOrderNo()).isWaitingAtExactly(TASK_APPROVE);
        assertThat(order.getOrderNo()).startsWith("AZ");
        assertThat(order.getRequestedBy()).isEqualTo("agent");
        assertThat(order.getDriverDetails()).isEqualTo(DRIVER);
        assertThat(candidateGroups(task(process, TASK_APPROVE))).containsExactly("managers");
        String card = (String) taskService.getVariableLocal(task(process, TASK_APPROVE).getId(), "caseSummary");
        assertThat(card).contains(order.getOrderNo(), "安装任务派工单", "在办派工单").doesNotContain(PHONE, DRIVER);

        Map<String, Long> load = orders.technicianLoad();
        String leastLoaded = load.entrySet().stream().min(Map.Entry.<String, Long>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).orElseThrow().getKey();
        complete(process, TASK_APPROVE, "manager", Map.of(APPROVED, true, "decisionNote", "同意安装"));
        WorkOrder assigned = orders.find(order.getId());
        assertThat(assigned.getTechnician()).as("fewest open work orders, then first id").isEqualTo(leastLoaded);
        assertThat(assigned.getStatus()).isEqualTo(WorkOrderStatus.ASSIGNED);
        Task prepare = task(process, TASK_PREPARE);
        assertThat(prepare.getAssignee()).isEqualTo(leastLoaded);
        assertThat(prepare.getDueDate().toInstant().truncatedTo(ChronoUnit.SECONDS))
                .isEqualTo(assigned.getAppointmentAt().truncatedTo(ChronoUnit.SECONDS));

        complete(process, TASK_PREPARE, leastLoaded, Map.of("preparationNote", "已核对车辆明细,带终端 1 台和安装工具"));
        complete(process, TASK_RECORD, leastLoaded, Map.of("workRecord", "终端安装完毕,定位正常", "simReplaced", true,
                "oldSim", "8986001", "newSim", "8986002"));
        assertThat(process).isWaitingAtExactly(TASK_RETURN_VISIT);
        assertThat(task(process, TASK_RETURN_VISIT).getAssignee()).isEqualTo("agent");
        complete(process, TASK_RETURN_VISIT, "agent", Map.of("returnVisitNote", "客户满意"));

        assertThat(process).hasPassedInOrder(TASK_REGISTER, TASK_APPROVE, TASK_PREPARE, TASK_RECORD,
                TASK_RETURN_VISIT, END_DONE).hasNotPassed(TASK_CONFIRM_FEE, END_REJECTED).isEnded();
        WorkOrder done = orders.find(order.getId());
        assertThat(done.getStatus()).isEqualTo(WorkOrderStatus.CLOSED);
        assertThat(done.isSimReplaced()).isTrue();
        assertThat(done.getNewSim()).isEqualTo("8986002");
        assertThat(done.isOutOfWarranty()).isFalse();
        assertNoPersonalDataInTheEngine(process);
    }

    @Test
    void aRepairInWarrantyIsFreeAndRecordsTheTerminalsReturnedToTheWorkshop() {
        WorkOrder order = orders.create(repair(LocalDate.now(SHANGHAI).minusMonths(3)), AGENT);
        ProcessInstance process = processOf(order);
        assertThat(order.getOrderNo()).startsWith("WX");
        complete(process, TASK_APPROVE, "manager", Map.of(APPROVED, true, "technician", "tech2"));
        assertThat(task(process, TASK_PREPARE).getAssignee()).as("the named technician").isEqualTo("tech2");
        complete(process, TASK_PREPARE, "tech2", Map.of("preparationNote", "带备用终端"));

        Task record = task(process, TASK_RECORD);
        assertThatThrownBy(() -> taskService.complete(record.getId(), Map.of("workRecord", "返修",
                "returnedToWorkshop", true, "oldTerminalNo", "T-001")))
                .hasMessageContaining("新终端号");
        assertThatThrownBy(() -> taskService.complete(record.getId(), Map.of("workRecord", "返修",
                "returnedToWorkshop", true, "oldTerminalNo", "T-001", "newTerminalNo", "T-002", "partsFee", 80)))
                .hasMessageContaining("保修期内维修不收费");
        assertThat(orders.find(order.getId()).getWorkRecord()).as("nothing half-written").isNull();
        taskService.complete(record.getId(), Map.of("workRecord", "终端故障,带回返修,已换新终端",
                "returnedToWorkshop", true, "oldTerminalNo", "T-001", "newTerminalNo", "T-002"));
        complete(process, TASK_RETURN_VISIT, "agent", Map.of("returnVisitNote", "设备恢复正常"));

        assertThat(process).hasPassed(TASK_RECORD, TASK_RETURN_VISIT, END_DONE).hasNotPassed(TASK_CONFIRM_FEE)
                .isEnded();
        WorkOrder done = orders.find(order.getId());
        assertThat(done.isReturnedToWorkshop()).isTrue();
        assertThat(done.getOldTerminalNo()).isEqualTo("T-001");
        assertThat(done.getNewTerminalNo()).isEqualTo("T-002");
        assertThat(done.getPartsFee()).isNull();
        assertNoPersonalDataInTheEngine(process);
    }

    @Test
    void aRepairOutOfWarrantyChargesPartsOnlyAndFinanceConfirmsTheFee() {
        WorkOrder order = orders.create(repair(LocalDate.now(SHANGHAI).minusYears(2)), AGENT);
        ProcessInstance process = processOf(order);
        complete(process, TASK_APPROVE, "manager", Map.of(APPROVED, true, "technician", "tech"));
        complete(process, TASK_PREPARE, "tech", Map.of("preparationNote", "带电源模块"));
        Task record = task(process, TASK_RECORD);
        assertThatThrownBy(() -> taskService.complete(record.getId(), Map.of("workRecord", "更换电源模块")))
                .hasMessageContaining("只收零部件费用");
        taskService.complete(record.getId(), Map.of("workRecord", "更换电源模块", "partsFee", "120.50",
                "invoiceNo", "FP20260001"));

        assertThat(process).isWaitingAtExactly(TASK_CONFIRM_FEE);
        assertThat(candidateGroups(task(process, TASK_CONFIRM_FEE))).containsExactly("dept-finance");
        assertThat(orders.find(order.getId()).getStatus()).isEqualTo(WorkOrderStatus.AWAITING_FINANCE);
        complete(process, TASK_CONFIRM_FEE, "finance", Map.of("feeReceived", true));
        complete(process, TASK_RETURN_VISIT, "agent", Map.of("returnVisitNote", "客户认可收费"));

        assertThat(process).hasPassedInOrder(TASK_RECORD, TASK_CONFIRM_FEE, TASK_RETURN_VISIT, END_DONE).isEnded();
        WorkOrder done = orders.find(order.getId());
        assertThat(done.isOutOfWarranty()).isTrue();
        assertThat(done.getPartsFee()).isEqualByComparingTo(new BigDecimal("120.50"));
        assertThat(done.getFinanceConfirmedBy()).isEqualTo("finance");
        assertThat(done.getStatus()).isEqualTo(WorkOrderStatus.CLOSED);
    }

    @Test
    void aTechnicianLateForTheAppointmentIsSupervisedByTheServiceManager() {
        WorkOrder order = orders.create(repair(LocalDate.now(SHANGHAI).minusMonths(1)), AGENT);
        ProcessInstance process = processOf(order);
        complete(process, TASK_APPROVE, "manager", Map.of(APPROVED, true, "technician", "tech"));
        Job timer = managementService.createJobQuery().processInstanceId(process.getId()).activityId(TIMER_LATE)
                .timers().singleResult();
        assertThat(timer.getDuedate().toInstant().truncatedTo(ChronoUnit.SECONDS))
                .isEqualTo(orders.lateAt(orders.find(order.getId())).truncatedTo(ChronoUnit.SECONDS));
        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
        managementService.executeJob(timer.getId());

        assertThat(process).isWaitingAt(TASK_PREPARE, TASK_SUPERVISE_LATE);
        assertThat(candidateGroups(task(process, TASK_SUPERVISE_LATE))).containsExactly("managers");
        assertThat(orders.find(order.getId()).getLateAt()).isNotNull();
        complete(process, TASK_SUPERVISE_LATE, "manager", Map.of("supervisionNote", "已电话催促,客户同意改约"));
        complete(process, TASK_PREPARE, "tech", Map.of("preparationNote", "出发"));
        complete(process, TASK_RECORD, "tech", Map.of("workRecord", "已修复"));
        complete(process, TASK_RETURN_VISIT, "agent", Map.of("returnVisitNote", "客户对迟到有意见,已致歉"));
        assertThat(process).hasPassed(TASK_RECORD_LATE, END_SUPERVISED, END_DONE).isEnded();
        assertThat(orders.find(order.getId()).getSupervisionNote()).contains("已电话催促");
    }

    @Test
    void aWorkOrderTheManagerRejectsEndsWithItsReason() {
        WorkOrder order = orders.create(repair(LocalDate.now(SHANGHAI).minusMonths(1)), AGENT);
        ProcessInstance process = processOf(order);
        Task approve = task(process, TASK_APPROVE);
        taskService.claim(approve.getId(), "manager");
        assertThatThrownBy(() -> taskService.complete(approve.getId(), Map.of(APPROVED, false)))
                .hasMessageContaining("驳回时请填写理由");
        taskService.complete(approve.getId(), Map.of(APPROVED, false, "decisionNote", "非本公司产品,请联系厂家"));

        assertThat(process).hasPassed(END_REJECTED).hasNotPassed(TASK_PREPARE).isEnded();
        WorkOrder rejected = orders.find(order.getId());
        assertThat(rejected.getStatus()).isEqualTo(WorkOrderStatus.REJECTED);
        assertThat(rejected.getDecidedBy()).isEqualTo("manager");
        assertThat(rejected.getTechnician()).isNull();
    }

    @Test
    void anIncompleteRepairCallNamesEveryMissingFieldAndSavesNothing() {
        assertThatThrownBy(() -> orders.create(new WorkOrderRequest(WorkOrderKind.REPAIR, customer.getCode(), null,
                null, null, null, null, null, null, null, tomorrowAt(21, 0)), AGENT))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsKeys("contactName", "contactPhone", "address", "productModel", "purchaseDate", "fault",
                                "appointmentAt"));
    }

    private WorkOrderRequest repair(LocalDate purchased) {
        return new WorkOrderRequest(WorkOrderKind.REPAIR, customer.getCode(), CONTACT, PHONE, ADDRESS, "GPS-T200",
                purchased.toString(), "终端不上线,指示灯不亮", null, null, tomorrowAt(10, 0));
    }

    private static String tomorrowAt(int hour, int minute) {
        return LocalDateTime.now(SHANGHAI).plusDays(1).truncatedTo(ChronoUnit.DAYS).withHour(hour).withMinute(minute)
                .toString();
    }

    private void assertNoPersonalDataInTheEngine(ProcessInstance process) {
        List<String> values = historyService.createHistoricVariableInstanceQuery().processInstanceId(process.getId())
                .list().stream().map(v -> String.valueOf(v.getValue())).toList();
        assertThat(values).isNotEmpty().noneMatch(v -> v.contains(PHONE) || v.contains(CONTACT)
                || v.contains(ADDRESS) || v.contains(DRIVER));
        assertThat(historyService.createHistoricDetailQuery().processInstanceId(process.getId()).list())
                .noneMatch(d -> String.valueOf(d).contains(PHONE));
    }

    private ProcessInstance processOf(WorkOrder order) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(order.getOrderNo())
                .singleResult();
    }

    private Task task(ProcessInstance process, String key) {
        return ProcessTasks.open(taskService, process, key);
    }

    private void complete(ProcessInstance process, String key, String user, Map<String, Object> form) {
        ProcessTasks.complete(taskService, process, key, user, form);
    }

    private Set<String> candidateGroups(Task task) {
        return ProcessTasks.candidateGroups(taskService, task);
    }

}
