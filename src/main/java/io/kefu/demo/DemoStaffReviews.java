package io.kefu.demo;

import io.kefu.identity.CurrentUser;
import io.kefu.shared.time.Now;
import io.kefu.staffreview.StaffReview;
import io.kefu.staffreview.StaffReviewService;
import io.kefu.staffreview.ViolationKind;
import io.kefu.staffreview.ViolationRequest;
import io.kefu.staffreview.ViolationService;
import java.time.YearMonth;
import java.util.HashMap;
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
 * Living examples of 员工月度考评 and 违规记录, made through the real process by the demo users: agent's review of two
 * months ago scored and acknowledged; agent2's review of last month waiting for agent2's acknowledgement; and a
 * violation of agent last month (与客户言语冲突, recorded by the supervisor) that makes agent's last month C whatever
 * the scores, waiting for agent's acknowledgement. Created once (when no review exists yet).
 */
@Component
@Order(74)
@ConditionalOnProperty(name = "kefu.demo.enabled", havingValue = "true")
class DemoStaffReviews implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoStaffReviews.class);
    private static final CurrentUser MANAGER = new CurrentUser("manager", Set.of("managers"));
    private static final CurrentUser SUPERVISOR = new CurrentUser("supervisor", Set.of("supervisors"));

    private final StaffReviewService reviews;
    private final ViolationService violations;
    private final IdentityService identityService;
    private final TaskService taskService;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;

    DemoStaffReviews(StaffReviewService reviews, ViolationService violations, IdentityService identityService,
            TaskService taskService, TransactionTemplate transaction, JdbcTemplate jdbc) {
        this.reviews = reviews;
        this.violations = violations;
        this.identityService = identityService;
        this.taskService = taskService;
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        Long existing = jdbc.queryForObject("select count(*) from staff_review", Long.class);
        if (existing != null && existing > 0
                || identityService.createUserQuery().userIdIn("agent", "agent2", "manager", "supervisor").count() < 4) {
            return;
        }
        YearMonth lastMonth = YearMonth.from(Now.instant().atZone(Now.zone())).minusMonths(1);
        String earlier = lastMonth.minusMonths(1).toString();

        StaffReview completed = start("agent", earlier);
        step(completed, "Task_ScoreReview", "manager", scores(5, 4, 4, 4, 5, "接听及时,投诉处理耐心,继续保持"));
        step(completed, "Task_AcknowledgeReview", "agent", Map.of("acknowledgement", "AGREE"));

        StaffReview awaiting = start("agent2", lastMonth.toString());
        step(awaiting, "Task_ScoreReview", "manager", scores(4, 3, 4, 4, 3, "回访及时性有待提高"));

        DemoActor.as(identityService, "supervisor", () -> transaction.execute(s -> violations.record(
                new ViolationRequest("agent", ViolationKind.CUSTOMER_DISPUTE, lastMonth.atDay(12),
                        "回访电话中与客户就退款时限发生争执,语气生硬",
                        "通话录音编号 LY" + lastMonth.toString().replace("-", "") + "12-03;值班主管旁听记录"),
                SUPERVISOR)));
        StaffReview violated = start("agent", lastMonth.toString());
        step(violated, "Task_ScoreReview", "manager", scores(4, 4, 4, 4, 3, "业务熟练,但本月有与客户争执的违规记录"));
        log.info("Created demo staff reviews and a violation");
    }

    private StaffReview start(String employee, String month) {
        return DemoActor.as(identityService, "manager", () -> transaction.execute(s ->
                reviews.open(employee, month, MANAGER)));
    }

    private static Map<String, Object> scores(int workload, int timeliness, int effectiveness, int cooperation,
            int attitude, String comment) {
        Map<String, Object> form = new HashMap<>();
        form.put("scoreWorkload", String.valueOf(workload));
        form.put("scoreTimeliness", String.valueOf(timeliness));
        form.put("scoreEffectiveness", String.valueOf(effectiveness));
        form.put("scoreCooperation", String.valueOf(cooperation));
        form.put("scoreAttitude", String.valueOf(attitude));
        form.put("managerComment", comment);
        return form;
    }

    private void step(StaffReview review, String taskKey, String user, Map<String, Object> form) {
        DemoActor.complete(identityService, taskService, user, () -> taskService.createTaskQuery()
                .processInstanceBusinessKey(review.getReviewNo()).taskDefinitionKey(taskKey).singleResult(), form);
    }
}
