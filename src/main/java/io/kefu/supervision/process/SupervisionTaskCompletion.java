package io.kefu.supervision.process;

import static io.kefu.supervision.process.SupervisionProcess.*;
import static io.kefu.task.FormFields.bool;
import static io.kefu.task.FormFields.consume;
import static io.kefu.task.FormFields.text;

import io.kefu.supervision.SupervisionService;
import io.kefu.task.FormFields;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The complete listener of the supervision tasks ({@code ${supervisionTaskCompletion}}): the submitted form goes to the
 * report record, then its fields leave the process. A broken rule fails the completion naming the field.
 */
@Component("supervisionTaskCompletion")
class SupervisionTaskCompletion implements TaskListener {

    private final SupervisionService service;
    private final SupervisionReports reports;

    SupervisionTaskCompletion(SupervisionService service, SupervisionReports reports) {
        this.service = service;
        this.reports = reports;
    }

    @Override
    public void notify(DelegateTask task) {
        String actor = FormFields.actor(task);
        switch (task.getTaskDefinitionKey()) {
            case TASK_ASSESS -> {
                service.assess(reports.monthly(task.getExecution()).getId(), actor, text(task, "acceptanceGrade"),
                        text(task, "maintenanceGrade"), text(task, "assessment"), text(task, "improvements"));
                consume(task, "acceptanceGrade", "maintenanceGrade", "assessment", "improvements");
            }
            case TASK_ACKNOWLEDGE -> {
                service.acknowledge(reports.monthly(task.getExecution()).getId(), actor,
                        bool(task, "reportRead", "请阅读报告后确认"), text(task, "managerNote"));
                consume(task, "reportRead", "managerNote");
            }
            case TASK_WEEKLY_REPORT -> {
                service.submitWeekly(task.getProcessInstanceId(), task.getAssignee(), actor, text(task, "serviceStatus"),
                        text(task, "customerFeedback"));
                consume(task, "serviceStatus", "customerFeedback");
            }
            default -> throw new IllegalStateException("supervisionTaskCompletion does not know the task "
                    + task.getTaskDefinitionKey() + ": add it to SupervisionTaskCompletion");
        }
    }
}
