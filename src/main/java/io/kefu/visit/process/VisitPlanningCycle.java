package io.kefu.visit.process;

import io.kefu.visit.VisitSettings;
import org.springframework.stereotype.Component;

/**
 * The timer cycle of visit-planning's start event ({@code ${visitPlanning.cycle}}), from {@code kefu.visit.planning-cycle}.
 * The timer is a job in the database: it survives restarts, and one node of a cluster runs it.
 */
@Component("visitPlanning")
public class VisitPlanningCycle {

    private final VisitSettings settings;

    VisitPlanningCycle(VisitSettings settings) {
        this.settings = settings;
    }

    public String getCycle() {
        return settings.planningCycle();
    }
}
