package io.kefu.phonecase.process;

import static io.kefu.phonecase.process.PhoneCaseProcess.*;
import static io.kefu.task.FormFields.bool;
import static io.kefu.task.FormFields.consume;
import static io.kefu.task.FormFields.text;

import io.kefu.phonecase.PhoneCaseService;
import io.kefu.task.FormFields;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The complete listener of every phone-case user task ({@code ${phoneCaseTaskCompletion}}): the submitted form goes
 * to the case record, then its fields leave the process (the gateway's flag stays). A rule the input breaks fails
 * the completion with a message naming the field, and nothing of the step is saved.
 */
@Component("phoneCaseTaskCompletion")
class PhoneCaseTaskCompletion implements TaskListener {

    private final PhoneCaseService cases;
    private final PhoneCases phoneCases;

    PhoneCaseTaskCompletion(PhoneCaseService cases, PhoneCases phoneCases) {
        this.cases = cases;
        this.phoneCases = phoneCases;
    }

    @Override
    public void notify(DelegateTask task) {
        long id = phoneCases.id(task.getExecution());
        String actor = FormFields.actor(task);
        switch (task.getTaskDefinitionKey()) {
            case TASK_RESOLVE -> {
                cases.solve(id, actor, text(task, "solution"));
                consume(task, "solution");
            }
            case TASK_CALL_BACK -> {
                cases.callBack(id, actor, bool(task, CUSTOMER_ACCEPTED, "请选择客户是否接受"),
                        text(task, "callbackNote"));
                consume(task, "callbackNote");
            }
            case TASK_LEADER_SUPPORT -> {
                cases.leaderSupport(id, actor, text(task, "leaderNote"));
                consume(task, "leaderNote");
            }
            case TASK_SUPERVISE_OVERDUE -> {
                cases.supervise(id, text(task, "supervisionNote"));
                consume(task, "supervisionNote");
            }
            case TASK_SUPERVISE_LATE_CALLBACK -> {
                cases.superviseCallback(id, text(task, "callbackSupervisionNote"));
                consume(task, "callbackSupervisionNote");
            }
            default -> throw new IllegalStateException("phoneCaseTaskCompletion does not know the task "
                    + task.getTaskDefinitionKey() + ": add it to PhoneCaseTaskCompletion");
        }
    }
}
