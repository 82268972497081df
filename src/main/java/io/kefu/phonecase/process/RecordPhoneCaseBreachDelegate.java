package io.kefu.phonecase.process;

import io.kefu.phonecase.PhoneCaseService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordResolutionBreach (the department missed the resolution deadline) and Task_RecordCallbackBreach (the
 * owner missed the callback deadline): the case records when.
 */
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
        long id = phoneCases.id(execution);
        switch (execution.getCurrentActivityId()) {
            case PhoneCaseProcess.RECORD_RESOLUTION_BREACH -> cases.recordBreach(id);
            case PhoneCaseProcess.RECORD_CALLBACK_BREACH -> cases.recordCallbackBreach(id);
            default -> throw new IllegalStateException("recordPhoneCaseBreachDelegate does not know the step "
                    + execution.getCurrentActivityId());
        }
    }
}
