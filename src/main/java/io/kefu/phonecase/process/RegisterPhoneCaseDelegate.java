package io.kefu.phonecase.process;

import static io.kefu.task.FormFields.text;

import io.kefu.phonecase.PhoneCase;
import io.kefu.phonecase.PhoneCaseRequest;
import io.kefu.phonecase.PhoneCaseService;
import io.kefu.task.BoundCase;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RegisterPhoneCase. A case from the Tasklist start form arrives as its fields: they become the case record (the
 * starting agent owns it) and leave the process, personal ones included. A case turned from an inquiry arrives with
 * its id and is only bound.
 */
@Component
class RegisterPhoneCaseDelegate implements JavaDelegate {

    static final List<String> FORM_FIELDS = List.of("occurredWhen", "place", "person", "contact", "event",
            "department", "customerCode");

    private final PhoneCaseService cases;

    RegisterPhoneCaseDelegate(PhoneCaseService cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object id = execution.getVariable(PhoneCaseProcess.CASE_ID);
        PhoneCase phoneCase;
        if (id != null) {
            phoneCase = cases.find(((Number) id).longValue());
        } else {
            phoneCase = cases.open(new PhoneCaseRequest(text(execution, "occurredWhen"), text(execution, "place"),
                    text(execution, "person"), text(execution, "contact"), text(execution, "event"),
                    text(execution, "department"), text(execution, "customerCode")),
                    BoundCase.starter(execution, PhoneCaseProcess.INITIATOR));
            FORM_FIELDS.forEach(execution::removeVariable);
        }
        cases.linkProcess(phoneCase.getId(), execution.getProcessInstanceId());
        execution.setProcessBusinessKey(phoneCase.getCaseNo());
        execution.setVariables(PhoneCaseProcess.startVariables(phoneCase));
    }
}
