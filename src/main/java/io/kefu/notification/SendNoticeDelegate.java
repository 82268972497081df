package io.kefu.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A BPMN send task ({@code delegateExpression="${sendNoticeDelegate}"}, {@code asyncBefore}, retry cycle
 * {@code ${noticeRetryCycle}}) with the input parameters {@code noticeTemplate}, {@code noticeTo} and, optionally,
 * {@code noticeChannel}.
 */
@Component("sendNoticeDelegate")
class SendNoticeDelegate implements JavaDelegate {

    static final String TEMPLATE = "noticeTemplate";
    static final String TO = "noticeTo";
    static final String CHANNEL = "noticeChannel";

    private final NotificationService notifications;

    SendNoticeDelegate(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String template = text(execution, TEMPLATE);
        if (template == null) {
            throw new NoticeFailure("发送通知任务缺少输入参数 " + TEMPLATE);
        }
        String channel = text(execution, CHANNEL);
        NoticeChannel forced;
        try {
            forced = channel == null ? null : NoticeChannel.valueOf(channel.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new NoticeFailure("noticeChannel 无效: " + channel + " (EMAIL、SMS 或 WECHAT)");
        }
        notifications.sendForCase(execution, template, text(execution, TO), forced);
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }
}
