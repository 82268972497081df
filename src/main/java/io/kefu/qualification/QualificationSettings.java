package io.kefu.qualification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 资质审核's settings ({@code kefu.qualification.*}): when the planning run looks for due reviews (a cron, the server's
 * time zone), and in how many days the yearly meeting of a review is due. The cycles themselves are review-cycle.dmn.
 */
@Component("qualificationPlanning")
public class QualificationSettings {

    private final String planningCycle;
    private final int meetingWithinDays;

    QualificationSettings(@Value("${kefu.qualification.planning-cycle:0 30 7 * * ?}") String planningCycle,
            @Value("${kefu.qualification.meeting-within-days:14}") int meetingWithinDays) {
        this.planningCycle = planningCycle;
        this.meetingWithinDays = meetingWithinDays;
    }

    /** The timer cycle of qualification-planning's start event ({@code ${qualificationPlanning.cycle}}). */
    public String getCycle() {
        return planningCycle;
    }

    public int meetingWithinDays() {
        return meetingWithinDays;
    }
}
