package io.kefu.visit;

import io.kefu.complaint.ComplaintStatus;
import io.kefu.complaint.Satisfaction;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * 回访总结 for visits due in a period (cancelled ones left out):
 * coverage = customers with a done visit / customers with a due visit; on-time rate = visits done by their deadline
 * / visits done; the satisfaction split of the done visits; complaints and business matters raised and their state.
 */
public record VisitSummary(LocalDate from, LocalDate to, int visitsDue, int visitsDone, int visitsOpen,
        int visitsOverdue, int customersDue, int customersVisited, double coverage, int doneOnTime, double onTimeRate,
        Map<Satisfaction, Integer> satisfaction, int complaintsRaised, int complaintsClosed, int mattersReferred,
        int mattersClosed) {

    static VisitSummary of(LocalDate from, LocalDate to, List<Visit> due, java.time.Instant now,
            Function<Long, ComplaintStatus> complaintStatus) {
        List<Visit> done = due.stream().filter(v -> v.getStatus() == VisitStatus.DONE).toList();
        long customersDue = due.stream().map(v -> v.getCustomerId()).distinct().count();
        long customersVisited = done.stream().map(v -> v.getCustomerId()).distinct().count();
        long onTime = done.stream().filter(Visit::isOnTime).count();
        Map<Satisfaction, Integer> split = new EnumMap<>(Satisfaction.class);
        for (Satisfaction s : Satisfaction.values()) {
            split.put(s, 0);
        }
        done.stream().map(Visit::getSatisfaction).filter(Objects::nonNull).forEach(s -> split.merge(s, 1, Integer::sum));
        List<Long> complaints = due.stream().map(Visit::getComplaintId).filter(Objects::nonNull).toList();
        long complaintsClosed = complaints.stream().map(complaintStatus)
                .filter(s -> s == ComplaintStatus.CLOSED || s == ComplaintStatus.REJECTED).count();
        return new VisitSummary(from, to, due.size(), done.size(),
                (int) due.stream().filter(v -> v.getStatus().isOpen()).count(),
                (int) due.stream().filter(v -> v.isOverdue() || v.isOverdueAt(now)).count(),
                (int) customersDue, (int) customersVisited, ratio(customersVisited, customersDue), (int) onTime,
                ratio(onTime, done.size()), split,
                (int) due.stream().filter(Visit::hasComplaint).count(), (int) complaintsClosed,
                (int) due.stream().filter(Visit::hasMatter).count(),
                (int) due.stream().filter(v -> v.getMatterStatus() == Visit.MatterStatus.CLOSED).count());
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0.0 : Math.round(part * 10000.0 / whole) / 10000.0;
    }
}
