package io.kefu.phonecase.process;

import io.kefu.identity.KefuGroups;
import io.kefu.phonecase.PhoneCase;
import io.kefu.phonecase.PhoneCaseService;
import io.kefu.task.BoundCase;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The 个案 a phone-case step works on, from the record bound to its process instance ({@link BoundCase}). The BPMN
 * addresses people and deadlines through {@code ${phoneCases.owner(execution)}},
 * {@code ${phoneCases.departmentGroup(execution)}}, {@code ${phoneCases.resolutionDue(execution)}} and
 * {@code ${phoneCases.callbackDue(execution)}}.
 */
@Component("phoneCases")
public class PhoneCases {

    private final PhoneCaseService cases;

    PhoneCases(PhoneCaseService cases) {
        this.cases = cases;
    }

    PhoneCase phoneCase(DelegateExecution execution) {
        return BoundCase.require(execution, cases::forProcessInstance, "phone case");
    }

    long id(DelegateExecution execution) {
        return phoneCase(execution).getId();
    }

    /** 首问负责人: the agent who took the call keeps the case to the end. */
    public String owner(DelegateExecution execution) {
        return phoneCase(execution).getOwnerId();
    }

    /** The department the case was passed to (业务部, 技术部, 财务部...), as its candidate group. */
    public String departmentGroup(DelegateExecution execution) {
        return KefuGroups.DEPARTMENT_PREFIX + phoneCase(execution).getDepartment();
    }

    /** When the department's solution is due (working hours from the case's opening). */
    public Date resolutionDue(DelegateExecution execution) {
        return Date.from(phoneCase(execution).getResolutionDueAt());
    }

    /** When the owner is to have called the customer back (第一时间: working hours from the solution). */
    public Date callbackDue(DelegateExecution execution) {
        var due = phoneCase(execution).getCallbackDueAt();
        return due == null ? null : Date.from(due);
    }
}
