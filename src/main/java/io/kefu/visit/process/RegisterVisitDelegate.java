package io.kefu.visit.process;

import io.kefu.task.BoundCase;
import io.kefu.task.FormFields;
import static io.kefu.task.FormFields.text;

import io.kefu.shared.InvalidInputException;
import io.kefu.visit.SurveyService;
import io.kefu.visit.SurveyService.DeliveryRequest;
import io.kefu.visit.Visit;
import io.kefu.visit.VisitPlanner;
import io.kefu.visit.VisitService;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RegisterVisit. A visit Kefu planned arrives with its id and passes. One an agent started in Tasklist arrives
 * as the start form's fields: they become the visit record (不定期回访, or a 配送回访 of a dealer's order) and leave
 * the process, which keeps only the id and who works on it.
 */
@Component
class RegisterVisitDelegate implements JavaDelegate {

    static final List<String> FORM_FIELDS = List.of("customerCode", "visitDate", "visitTopic", "orderNo",
            "deliveredOn", "consignee");

    private final VisitPlanner planner;
    private final SurveyService surveys;
    private final VisitService visits;

    RegisterVisitDelegate(VisitPlanner planner, SurveyService surveys, VisitService visits) {
        this.planner = planner;
        this.surveys = surveys;
        this.visits = visits;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long planned = FormFields.recordId(execution, VisitProcess.VISIT_ID);
        if (planned != null) {
            // Kefu planned the visit and started this process for it; the binding is set once and kept
            visits.linkProcess(planned, execution.getProcessInstanceId());
            return;
        }
        String initiator = BoundCase.starter(execution, "initiator");
        if (initiator == null) {
            throw InvalidInputException.of("initiator", "无法确定发起人:请登录后在任务列表中发起");
        }
        String processKey = execution.getProcessDefinitionId().split(":")[0];
        Visit visit = VisitProcess.DELIVERY_FOLLOW_UP.equals(processKey)
                ? surveys.startDeliveryFollowUp(new DeliveryRequest(text(execution, "customerCode"),
                        text(execution, "orderNo"), FormFields.date(execution, "deliveredOn"),
                        text(execution, "consignee")), execution.getProcessInstanceId())
                : planner.planAdHoc(text(execution, "customerCode"), FormFields.date(execution, "visitDate"),
                        text(execution, "visitTopic"), initiator, execution.getProcessInstanceId());
        FORM_FIELDS.forEach(execution::removeVariable);
        execution.setProcessBusinessKey(visit.getVisitNo());
        execution.setVariables(visits.startVariables(visit));
    }
}
