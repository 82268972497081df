package io.kefu.visit.process;

import io.kefu.task.BoundCase;
import io.kefu.visit.Visit;
import io.kefu.visit.VisitService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The visit a visit process (return-visit, the surveys, delivery-follow-up) works on and who works on it, from the
 * visit record bound to the process instance ({@link BoundCase}) — never from the variables
 * {@value VisitProcess#VISIT_ID}, {@value VisitProcess#VISITOR_ID} and the like, which stay for information only.
 * The BPMN assigns with {@code ${visitCases.visitor(execution)}}, {@code ${visitCases.visitorGroup(execution)}},
 * {@code ${visitCases.accountManager(execution)}} and {@code ${visitCases.matterGroup(execution)}}.
 */
@Component("visitCases")
public class VisitCases {

    private final VisitService visits;

    VisitCases(VisitService visits) {
        this.visits = visits;
    }

    long id(DelegateExecution execution) {
        return visit(execution).getId();
    }

    long id(DelegateTask task) {
        return BoundCase.require(task, visits::forProcessInstance, "visit").getId();
    }

    private Visit visit(DelegateExecution execution) {
        return BoundCase.require(execution, visits::forProcessInstance, "visit");
    }

    public String visitor(DelegateExecution execution) {
        return visit(execution).getVisitorId();
    }

    public String visitorGroup(DelegateExecution execution) {
        return visit(execution).getVisitorGroup();
    }

    public String accountManager(DelegateExecution execution) {
        return visit(execution).getAccountManager();
    }

    /** The department the visitor referred the customer's business matter to. */
    public String matterGroup(DelegateExecution execution) {
        return visits.matterGroup(visit(execution).getId());
    }
}
