package io.kefu.notification;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Test-only beans the {@code notice-test} process uses: the step after the send task fails while the variable
 * {@code failAfterSend} is true (a job that fails after its notice went out), and the process's case placeholders.
 */
@Component("noticeTestProbe")
public class NoticeTestProbe implements NoticeContextProvider {

    private final NotificationService notifications;

    NoticeTestProbe(NotificationService notifications) {
        this.notifications = notifications;
    }

    public Object afterNotice(DelegateExecution execution) {
        if (Boolean.TRUE.equals(execution.getVariable("failAfterSend"))) {
            throw new IllegalStateException("the step after the notice failed");
        }
        return null;
    }

    @Override
    public String processKey() {
        return "notice-test";
    }

    /** The test process has no case record: its customer is the variable the test starts it with. */
    @Override
    public Long customerId(DelegateExecution execution) {
        return notifications.customerId(execution.getVariable(NotificationService.CUSTOMER_ID));
    }

    @Override
    public Map<String, String> placeholders(DelegateExecution execution) {
        return Map.of("testDetail", "详情由流程提供");
    }
}
