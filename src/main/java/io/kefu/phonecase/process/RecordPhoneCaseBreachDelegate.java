package io.kefu.phonecase.process;

import io.kefu.phonecase.PhoneCaseService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordResolutionBreach: the department missed the resolution deadline; the case records when. */
@Component
class RecordPhoneCaseBreachDelegate implements JavaDelegate {

    private final PhoneCaseService cases;
    private final PhoneCases phoneCases;

    RecordPhoneCaseBreachDelegate(PhoneCaseService cases, PhoneCases phoneCases) {
        this.cases = cases;
        this.phoneCases = phoneCases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.recordBreach(phoneCases.id(execution));
    }
}
