package io.kefu.demo;

import io.kefu.qualification.QualificationReview;
import io.kefu.qualification.QualificationService;
import io.kefu.qualification.process.QualificationProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Living examples of 资质审核, made through the real process by the demo users: a review waiting for 业务部's scores,
 * one that kept the tier, one that moved the customer to another tier (with the reason on record), and one whose
 * credit declined, waiting for the manager's decision whether to stop cooperating (the customer has a contract in
 * force, so 终止合作 starts its termination). Created once (when no review exists yet).
 */
@Component
@Order(72)
@ConditionalOnProperty(name = "kefu.demo.enabled", havingValue = "true")
class DemoQualification implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoQualification.class);

    private final QualificationService reviews;
    private final IdentityService identityService;
    private final TaskService taskService;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;

    DemoQualification(QualificationService reviews, IdentityService identityService, TaskService taskService,
            TransactionTemplate transaction, JdbcTemplate jdbc) {
        this.reviews = reviews;
        this.identityService = identityService;
        this.taskService = taskService;
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        Long existing = jdbc.queryForObject("select count(*) from qualification_review", Long.class);
        if (existing != null && existing > 0) {
            return;
        }
        List<String> withContract = jdbc.queryForList("select distinct c.code from customer c join contract k"
                + " on k.customer_id = c.id where c.status = 'ACTIVE' and k.status = 'ACTIVE'"
                + " and k.termination_requested_at is null order by c.code", String.class);
        List<Map<String, Object>> active = jdbc.queryForList("select code, tier from customer where status = 'ACTIVE'"
                + " order by id");
        List<Map<String, Object>> others = new ArrayList<>(active.stream()
                .filter(c -> !withContract.contains((String) c.get("code"))).toList());
        if (withContract.isEmpty() || others.size() < 3) {
            log.info("Demo qualification reviews skipped: too few active customers");
            return;
        }
        open((String) others.get(0).get("code"));

        Map<String, Object> kept = others.get(1);
        step(open((String) kept.get("code")), QualificationProcess.TASK_SCORE, "business", Map.of("satisfaction", "4",
                "contribution", "4", "credit", "4", "newTier", kept.get("tier"),
                "scoreNote", "年度会晤已进行,客户经营稳定,维持现有等级"));

        Map<String, Object> changed = others.get(2);
        String raised = "A".equals(changed.get("tier")) ? "B" : "A";
        step(open((String) changed.get("code")), QualificationProcess.TASK_SCORE, "business", Map.of("satisfaction",
                "5", "contribution", "5", "credit", "5", "newTier", raised,
                "tierChangeReason", "门店由 2 家增至 5 家,回款及时,品牌影响力提升", "scoreNote", "建议给予优秀客户奖励"));

        step(open(withContract.get(0)), QualificationProcess.TASK_SCORE, "business", Map.of("satisfaction", "3",
                "contribution", "3", "credit", "2", "newTier", "C",
                "tierChangeReason", "连续三个月逾期付款,信誉限度额已超", "scoreNote", "信用状况明显下滑,提请经理决定是否终止合作"));
        log.info("Created demo qualification reviews");
    }

    private QualificationReview open(String customerCode) {
        return DemoActor.as(identityService, "business", () -> transaction.execute(s -> reviews.openAndStart(
                customerCode, "business")));
    }

    private void step(QualificationReview review, String taskKey, String user, Map<String, Object> form) {
        DemoActor.complete(identityService, taskService, user, () -> taskService.createTaskQuery()
                .processInstanceBusinessKey(review.getReviewNo()).taskDefinitionKey(taskKey).singleResult(), form);
    }
}
