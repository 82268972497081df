package io.kefu.visit;

import io.kefu.contract.ContractEvents.ContractTerminated;
import io.kefu.contract.ContractEvents.CustomerOnboarded;
import io.kefu.customer.CustomerDetails;
import io.kefu.customer.CustomerService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The contract feature's news, inside its transaction: an onboarded customer's visit schedule starts (and a new
 * franchise store gets its opening survey); a terminated customer's open visits are cancelled.
 */
@Component
class ContractEventsListener {

    private static final Logger log = LoggerFactory.getLogger(ContractEventsListener.class);

    private final VisitPlanner planner;
    private final VisitService visits;
    private final CustomerService customers;

    ContractEventsListener(VisitPlanner planner, VisitService visits, CustomerService customers) {
        this.planner = planner;
        this.visits = visits;
        this.customers = customers;
    }

    @EventListener
    void onboarded(CustomerOnboarded event) {
        CustomerDetails customer = customers.find(event.customerId());
        var planned = planner.startSchedule(customer, visits.today());
        log.info("Customer {} onboarded: visit schedule started, {} visits due now", customer.code(), planned.size());
        if (event.storeOpeningDate() != null) {
            planner.planStoreOpeningSurvey(customer, event.storeOpeningDate(), event.contractId());
        }
    }

    @EventListener
    void terminated(ContractTerminated event) {
        CustomerDetails customer = customers.find(event.customerId());
        String reason = "合同解约" + (event.reason() == null || event.reason().isBlank() ? "" : ":" + event.reason())
                + (event.endDate() == null ? "" : "(终止日期 " + event.endDate() + ")");
        planner.endSchedule(customer, reason);
    }
}
