package io.kefu.notification;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NotificationConfig {

    /**
     * The retry cycle of every send task, as BPMN names it: {@code <camunda:failedJobRetryTimeCycle>${noticeRetryCycle}}
     * (the engine resolves Spring beans in that expression). Configured as {@code kefu.notification.retry-cycle}.
     */
    @Bean
    String noticeRetryCycle(NotificationSettings settings) {
        return settings.retryCycle();
    }
}
