package io.kefu.qualification.process;

import static io.kefu.qualification.process.QualificationProcess.*;
import static io.kefu.task.FormFields.consume;
import static io.kefu.task.FormFields.text;

import io.kefu.qualification.QualificationService;
import io.kefu.shared.InvalidInputException;
import io.kefu.task.FormFields;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The complete listener of the review's user tasks ({@code ${qualificationTaskCompletion}}): the form goes to the
 * review record, then its fields leave the process; only the gateways' flags stay. A broken rule fails the completion
 * naming the field, and nothing of the step is saved.
 */
@Component("qualificationTaskCompletion")
class QualificationTaskCompletion implements TaskListener {

    private final QualificationService service;
    private final Reviews reviews;

    QualificationTaskCompletion(QualificationService service, Reviews reviews) {
        this.service = service;
        this.reviews = reviews;
    }

    @Override
    public void notify(DelegateTask task) {
        long id = reviews.id(task.getExecution());
        String actor = FormFields.actor(task);
        switch (task.getTaskDefinitionKey()) {
            case TASK_SCORE -> {
                boolean declined = service.score(id, actor, score(task, "satisfaction"), score(task, "contribution"),
                        score(task, "credit"), text(task, "newTier"), text(task, "tierChangeReason"),
                        text(task, "scoreNote"));
                consume(task, "satisfaction", "contribution", "credit", "newTier", "tierChangeReason", "scoreNote");
                task.setVariable(CREDIT_DECLINED, declined);
            }
            case TASK_DECIDE -> {
                Object stop = task.getVariable(STOP_COOPERATION);
                boolean decided = service.decide(id, actor, stop == null ? null
                        : FormFields.bool(task, STOP_COOPERATION, "请选择是否终止合作"), text(task, "decisionNote"));
                consume(task, "decisionNote");
                task.setVariable(STOP_COOPERATION, decided);
            }
            default -> throw new IllegalStateException("qualificationTaskCompletion does not know the task "
                    + task.getTaskDefinitionKey() + ": add it to QualificationTaskCompletion");
        }
    }

    /** A 1–5 score from a select (a string) or a number field; empty is none. */
    private static Integer score(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(name, "评分须为 1–5 的整数");
        }
    }
}
