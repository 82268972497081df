package io.kefu.demo;

import io.kefu.dispatch.WorkOrder;
import io.kefu.dispatch.WorkOrderKind;
import io.kefu.dispatch.WorkOrderRequest;
import io.kefu.dispatch.WorkOrderService;
import io.kefu.identity.CurrentUser;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Living examples of 派工, made through the real process by the demo users: an installation waiting for the manager's
 * approval, a repair in warranty given to the least loaded technician and waiting for their preparation, and a repair
 * out of warranty whose parts fee waits for finance's confirmation. Created once (when no work order exists yet).
 */
@Component
@Order(71)
@ConditionalOnProperty(name = "kefu.demo.enabled", havingValue = "true")
class DemoDispatch implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDispatch.class);

    private final WorkOrderService orders;
    private final IdentityService identityService;
    private final TaskService taskService;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    DemoDispatch(WorkOrderService orders, IdentityService identityService, TaskService taskService,
            TransactionTemplate transaction, JdbcTemplate jdbc, ZoneId zone) {
        this.zone = zone;
        this.orders = orders;
        this.identityService = identityService;
        this.taskService = taskService;
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        Long existing = jdbc.queryForObject("select count(*) from work_order", Long.class);
        List<String> codes = jdbc.queryForList("select code from customer where status = 'ACTIVE' order by id",
                String.class);
        if (existing != null && existing > 0 || codes.isEmpty()) {
            return;
        }
        String code = codes.get(0);
        String other = codes.get(Math.min(1, codes.size() - 1));
        LocalDate today = LocalDate.now(zone);
        String tomorrow = today.plusDays(1).toString();
        order("agent", new WorkOrderRequest(WorkOrderKind.INSTALLATION, code, "黄志明", "13800138031",
                "广东省广州市天河区中山大道西100号车队停车场", "GPS-T200 车载定位终端", null, null,
                "粤A3K521 厢式货车、粤A7M208 冷藏车,共 2 台", "司机黄志明 13800138031;司机周强 13800138032",
                tomorrow + "T09:30"));
        WorkOrder inWarranty = order("agent", new WorkOrderRequest(WorkOrderKind.REPAIR, other, "林小姐",
                "13900139041", "广东省佛山市禅城区季华路12号", "GPS-T200", today.minusMonths(4).toString(),
                "终端不上线,指示灯不亮", null, null, tomorrow + "T10:00"));
        step(inWarranty, "Task_ApproveAndAssign", "manager", Map.of("approved", true, "decisionNote", "同意,尽快上门"));
        WorkOrder charged = order("agent2", new WorkOrderRequest(WorkOrderKind.REPAIR, code, "陈先生", "13700137051",
                "广东省广州市白云区机场路8号", "GPS-T100", today.minusYears(2).toString(), "电源模块损坏,车辆熄火后终端断电",
                null, null, tomorrow + "T15:00"));
        step(charged, "Task_ApproveAndAssign", "manager", Map.of("approved", true, "technician", "tech"));
        step(charged, "Task_PrepareVisit", "tech", Map.of("preparationNote", "已核对客户信息,带电源模块和工具"));
        step(charged, "Task_RecordService", "tech", Map.of("workRecord", "更换电源模块,测试上线正常",
                "partsFee", "120.00", "invoiceNo", "FP2026-0001"));
        log.info("Created demo work orders");
    }

    private WorkOrder order(String agent, WorkOrderRequest request) {
        return DemoActor.as(identityService, agent, () -> transaction.execute(s -> orders.create(request,
                new CurrentUser(agent, Set.of("agents")))));
    }

    private void step(WorkOrder order, String taskKey, String user, Map<String, Object> form) {
        DemoActor.complete(identityService, taskService, user, () -> taskService.createTaskQuery()
                .processInstanceBusinessKey(order.getOrderNo()).taskDefinitionKey(taskKey).singleResult(), form);
    }
}
