package io.kefu.supervision.process;

import io.kefu.supervision.SupervisionReport;
import io.kefu.supervision.SupervisionService;
import io.kefu.task.BoundCase;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The reports a supervision step works on, from the records bound to its process instance. The weekly BPMN gives one
 * task to each person of {@code ${supervisionReports.staff(execution)}}.
 */
@Component("supervisionReports")
public class SupervisionReports {

    private final SupervisionService service;

    SupervisionReports(SupervisionService service) {
        this.service = service;
    }

    SupervisionReport monthly(DelegateExecution execution) {
        return BoundCase.require(execution, SupervisionReport.class, service::forProcessInstance, "supervision report");
    }

    /** Whose weekly reports this process collects (Kefu's records, not a variable a client could have written). */
    public List<String> staff(DelegateExecution execution) {
        return service.weeklyOf(execution.getProcessInstanceId()).stream().map(SupervisionReport::getStaffId)
                .toList();
    }
}
