package io.kefu.notification;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The placeholders of the notices one process sends, read from its domain tables (like
 * {@link io.kefu.task.CaseCardProvider} for case cards). Each feature implements it once for its process key as a
 * Spring bean; the notification service adds the generic placeholders ({@link NoticePlaceholders}). A placeholder a
 * template uses that neither gives is a technical failure (an incident), never a blank.
 */
public interface NoticeContextProvider {

    /** The process definition key this provider fills notices for. */
    String processKey();

    /** Placeholder name → text, for the case of this execution. */
    Map<String, String> placeholders(DelegateExecution execution);

    /**
     * The customer the case's customer notices go to, read from the case record (never from a process variable);
     * null when the process's notices go to no customer.
     */
    default Long customerId(DelegateExecution execution) {
        return null;
    }
}
