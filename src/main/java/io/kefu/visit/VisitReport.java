package io.kefu.visit;

import io.kefu.complaint.ComplaintCategory;
import io.kefu.complaint.Satisfaction;
import java.time.LocalDate;
import java.util.Map;

/**
 * What the visitor recorded (回访记录): the script's answers, and what the customer raised — a complaint (starts a
 * complaint case) or a business matter for a department (tracked until that unit closes it).
 */
public record VisitReport(String channel, Satisfaction satisfaction, String improvement, String suggestions,
        String remarks, Map<String, Object> answers, LocalDate nextMeeting, boolean complaintRaised,
        ComplaintCategory complaintCategory, String complaintText, boolean businessMatter, String matterDepartment,
        String matterText) {
}
