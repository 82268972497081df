package io.kefu.task;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Due dates the BPMNs ask for by expression where no case deadline applies: a 督办 (escalation) task is due the
 * configured number of hours after it is raised ({@code kefu.task.escalation-hours}), so it shows on 今天到期 and
 * 已超时 like every other deadline. Used as {@code camunda:dueDate="${taskDeadlines.escalation()}"}.
 */
@Component("taskDeadlines")
public class TaskDeadlines {

    private final Duration escalation;

    TaskDeadlines(@Value("${kefu.task.escalation-hours:8}") long escalationHours) {
        this.escalation = Duration.ofHours(escalationHours);
    }

    public Date escalation() {
        return Date.from(ClockUtil.now().toInstant().plus(escalation));
    }
}
