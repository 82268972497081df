package io.kefu.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_DeliverNotice of {@code notice-delivery}: delivers the notice {@link NotificationService#send} recorded. */
@Component("deliverNoticeDelegate")
class DeliverNoticeDelegate implements JavaDelegate {

    private final NotificationService notifications;

    DeliverNoticeDelegate(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifications.deliver(execution);
    }
}
