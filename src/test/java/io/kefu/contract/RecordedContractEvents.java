package io.kefu.contract;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A listener in the test context that keeps every contract event, as the visits and archive features receive them.
 * A component of the shared test context (scanned like the application's), so it adds no context of its own.
 */
@Component
public class RecordedContractEvents {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(ContractEvents.CustomerOnboarded event) {
        events.add(event);
    }

    @EventListener
    void on(ContractEvents.ContractTerminated event) {
        events.add(event);
    }

    public List<ContractEvents.CustomerOnboarded> onboarded(Long contractId) {
        return events.stream().filter(e -> e instanceof ContractEvents.CustomerOnboarded o && o.contractId().equals(contractId))
                .map(ContractEvents.CustomerOnboarded.class::cast).toList();
    }

    public List<ContractEvents.ContractTerminated> terminated(Long contractId) {
        return events.stream().filter(e -> e instanceof ContractEvents.ContractTerminated t && t.contractId().equals(contractId))
                .map(ContractEvents.ContractTerminated.class::cast).toList();
    }
}
