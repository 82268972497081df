package io.kefu.operations;

import io.kefu.complaint.BreachType;
import io.kefu.complaint.ComplaintCategory;
import io.kefu.complaint.ComplaintEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts complaints opened and closed and deadlines missed ({@code kefu_complaints_opened_total},
 * {@code kefu_complaints_closed_total}, {@code kefu_sla_breaches_total}). Counted once the step commits, so a step
 * that fails and rolls back counts nothing. Every series exists from the start (at 0), so that rates and alerts
 * work before the first breach.
 */
@Component
class ComplaintMetrics {

    static final String OPENED = "kefu.complaints.opened";
    static final String CLOSED = "kefu.complaints.closed";
    static final String SLA_BREACHES = "kefu.sla.breaches";

    static final String RESOLVED = "resolved";
    static final String INVALID = "invalid";

    private final Map<ComplaintCategory, Counter> opened = new EnumMap<>(ComplaintCategory.class);
    private final Counter closedResolved;
    private final Counter closedInvalid;
    private final Map<BreachType, Counter> breaches = new EnumMap<>(BreachType.class);

    ComplaintMetrics(MeterRegistry registry) {
        for (ComplaintCategory category : ComplaintCategory.values()) {
            opened.put(category, Counter.builder(OPENED)
                    .description("Complaints registered, by category")
                    .tag("category", tagValue(category))
                    .register(registry));
        }
        closedResolved = closed(registry, RESOLVED);
        closedInvalid = closed(registry, INVALID);
        for (BreachType type : BreachType.values()) {
            breaches.put(type, Counter.builder(SLA_BREACHES)
                    .description("Complaint deadlines missed, by deadline (response, resolution, return visit)")
                    .tag("type", tagValue(type))
                    .register(registry));
        }
    }

    private static Counter closed(MeterRegistry registry, String outcome) {
        return Counter.builder(CLOSED)
                .description("Complaints closed: resolved and closed by the supervisors, or judged invalid")
                .tag("outcome", outcome)
                .register(registry);
    }

    static String tagValue(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ComplaintEvents.Opened event) {
        if (event.category() != null) {
            opened.get(event.category()).increment();
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ComplaintEvents.Closed event) {
        (event.valid() ? closedResolved : closedInvalid).increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ComplaintEvents.SlaBreached event) {
        breaches.get(event.type()).increment();
    }
}
