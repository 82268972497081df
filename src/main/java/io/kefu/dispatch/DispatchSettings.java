package io.kefu.dispatch;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 派工's rules in one place (application.yaml {@code kefu.dispatch.*}): the customer's rest hours no appointment may
 * fall in (e.g. {@code 12:00-14:00,20:00-08:00}), how long after the appointment an unrecorded service counts as late,
 * the warranty period, and the group whose members are the technicians.
 */
@Component
public class DispatchSettings {

    /** A rest window; one that ends before it starts runs over midnight. */
    public record RestWindow(LocalTime from, LocalTime to) {

        boolean contains(LocalTime time) {
            return from.isBefore(to) ? !time.isBefore(from) && time.isBefore(to)
                    : !time.isBefore(from) || time.isBefore(to);
        }

        @Override
        public String toString() {
            return from + "–" + to;
        }
    }

    private final List<RestWindow> restHours;
    private final Duration lateAfter;
    private final int warrantyMonths;
    private final String technicianGroup;

    DispatchSettings(@Value("${kefu.dispatch.rest-hours:12:00-14:00,20:00-08:00}") String restHours,
            @Value("${kefu.dispatch.late-after-minutes:30}") long lateAfterMinutes,
            @Value("${kefu.dispatch.warranty-months:12}") int warrantyMonths,
            @Value("${kefu.dispatch.technician-group:dept-tech}") String technicianGroup) {
        List<RestWindow> windows = new ArrayList<>();
        for (String window : restHours.split(",")) {
            if (!window.isBlank()) {
                String[] ends = window.trim().split("-");
                windows.add(new RestWindow(LocalTime.parse(ends[0].trim()), LocalTime.parse(ends[1].trim())));
            }
        }
        this.restHours = List.copyOf(windows);
        this.lateAfter = Duration.ofMinutes(lateAfterMinutes);
        this.warrantyMonths = warrantyMonths;
        this.technicianGroup = technicianGroup;
    }

    /** The rest window the time falls in, if any. */
    public java.util.Optional<RestWindow> restWindowAt(LocalTime time) {
        return restHours.stream().filter(w -> w.contains(time)).findFirst();
    }

    public Duration lateAfter() {
        return lateAfter;
    }

    public int warrantyMonths() {
        return warrantyMonths;
    }

    public String technicianGroup() {
        return technicianGroup;
    }
}
