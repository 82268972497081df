package io.kefu.demo;

import io.kefu.supervision.process.SupervisionProcess;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Living examples of 服务监督, made by the processes' own timers run once ahead of time (the schedule goes on): last
 * month's 服务监督报告 over last month's history, assessed by `business` and waiting for `manager`'s 阅知; this week's
 * 每周服务状况报告, submitted by `tech` and waiting for `tech2`. Created once (when no supervision report exists yet),
 * after the demo history and work orders whose figures they show.
 */
@Component
@Order(73)
@ConditionalOnProperty(name = "kefu.demo.enabled", havingValue = "true")
class DemoSupervision implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSupervision.class);

    private final ManagementService managementService;
    private final IdentityService identityService;
    private final TaskService taskService;
    private final JdbcTemplate jdbc;

    DemoSupervision(ManagementService managementService, IdentityService identityService, TaskService taskService,
            JdbcTemplate jdbc) {
        this.managementService = managementService;
        this.identityService = identityService;
        this.taskService = taskService;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        Long existing = jdbc.queryForObject("select count(*) from supervision_report", Long.class);
        if (existing != null && existing > 0) {
            return;
        }
        fire(SupervisionProcess.MONTHLY_KEY);
        complete(SupervisionProcess.TASK_ASSESS, null, "business", Map.of("acceptanceGrade", "GOOD",
                "maintenanceGrade", "FAIR", "assessment", "投诉受理和响应及时;回访完成率偏低,部分上门服务迟到",
                "improvements", "下月回访按计划完成,上门服务提前与客户确认时间"));
        fire(SupervisionProcess.WEEKLY_KEY);
        complete(SupervisionProcess.TASK_WEEKLY_REPORT, "tech", "tech", Map.of("serviceStatus",
                "本周完成维修 2 单(1 单保修期外,零部件费已交财务),安装准备 1 单;无遗留问题",
                "customerFeedback", "客户希望终端离线时能短信提醒"));
        log.info("Created demo supervision reports");
    }

    private void fire(String key) {
        Job timer = managementService.createJobQuery().processDefinitionKey(key).timers().singleResult();
        if (timer != null) {
            managementService.executeJob(timer.getId());
        }
    }

    private void complete(String taskKey, String assignee, String user, Map<String, Object> form) {
        DemoActor.complete(identityService, taskService, user, () -> {
            var query = taskService.createTaskQuery().taskDefinitionKey(taskKey);
            return (assignee == null ? query : query.taskAssignee(assignee)).list().stream().findFirst().orElse(null);
        }, form);
    }
}
