package io.kefu.phonecase.process;

import static io.kefu.task.FormFields.text;

import io.kefu.phonecase.PhoneCase;
import io.kefu.phonecase.PhoneCaseRequest;
import io.kefu.phonecase.PhoneCaseService;
import io.kefu.task.BoundCase;
import java.util.List;
import io.kefu.task.StartFormIntake;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Task_RegisterPhoneCase. A case from the Tasklist start form arrives as its fields: they become the case record (the
 * starting agent owns it) and leave the process, personal ones included. A case turned from an inquiry arrives with
 * its id and is only bound.
 */
@Component
class RegisterPhoneCaseDelegate extends StartFormIntake<PhoneCase> {

    static final List<String> FORM_FIELDS = List.of("occurredWhen", "place", "person", "contact", "event",
            "department", "customerCode");

    private final PhoneCaseService cases;

    RegisterPhoneCaseDelegate(PhoneCaseService cases) {
        super(PhoneCaseProcess.CASE_ID, FORM_FIELDS, cases::find,
                (phoneCase, pid) -> cases.linkProcess(phoneCase.getId(), pid), PhoneCase::getCaseNo,
                phoneCase -> PhoneCaseProcess.startVariables(phoneCase, cases.customerOf(phoneCase)));
        this.cases = cases;
    }

    @Override
    protected PhoneCase intake(DelegateExecution execution) {
        return cases.open(new PhoneCaseRequest(text(execution, "occurredWhen"), text(execution, "place"),
                text(execution, "person"), text(execution, "contact"), text(execution, "event"),
                text(execution, "department"), text(execution, "customerCode")),
                BoundCase.starter(execution, PhoneCaseProcess.INITIATOR));
    }
}
