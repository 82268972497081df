package io.kefu.report;

import static io.kefu.shared.FieldErrors.failOn;
import io.kefu.identity.CurrentUser;
import io.kefu.shared.NotFoundException;
import io.kefu.shared.time.Now;
import io.kefu.shared.time.WorkingHours;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Runs the reports for a period: any month ({@code month=2026-10}) or date range ({@code from}, {@code to}). */
@Service
public class ReportService {

    /** Longest period one report covers (five years, the retention of the case files). */
    private static final int LONGEST_PERIOD_DAYS = 5 * 366;

    private final List<Report> reports;
    private final WorkingHours hours;

    ReportService(List<Report> reports, WorkingHours hours) {
        this.reports = reports.stream().sorted(Comparator.comparingInt(Report::order).thenComparing(Report::key)).toList();
        this.hours = hours;
    }

    /** Managers, supervisors and auditors read reports; agents and departments do not. */
    public static boolean mayRead(CurrentUser user) {
        return user.isSupervisorOrManager() || user.isAuditor();
    }

    @Transactional(readOnly = true)
    public ReportResult run(String key, Period period, CurrentUser user) {
        if (!mayRead(user)) {
            throw new AccessDeniedException("reports are for managers, supervisors and auditors");
        }
        Report report = find(key);
        if (!report.mayRead(user)) {
            throw new AccessDeniedException("report " + key + " is not for " + user.id());
        }
        return report.run(period);
    }

    /** The reports this user may run, in page order. */
    public List<Report> readable(CurrentUser user) {
        return reports.stream().filter(r -> mayRead(user) && r.mayRead(user)).toList();
    }

    public Report find(String key) {
        return reports.stream().filter(r -> r.key().equals(key)).findFirst()
                .orElseThrow(() -> new NotFoundException("报表 " + key + " 不存在"));
    }

    /** The period the user asked for; last month when they named none. Bad fields are named (400). */
    public Period period(String month, String from, String to) {
        Map<String, String> errors = new LinkedHashMap<>();
        Period period = null;
        if (month != null && !month.isBlank()) {
            try {
                period = Period.month(YearMonth.parse(month.trim()), hours.zone());
            } catch (DateTimeParseException e) {
                errors.put("month", "月份格式应为 yyyy-MM");
            }
            if (from != null && !from.isBlank() || to != null && !to.isBlank()) {
                errors.put("month", "请指定月份,或开始和结束日期,二者择一");
            }
        } else if ((from == null || from.isBlank()) && (to == null || to.isBlank())) {
            period = Period.month(YearMonth.from(Now.instant().atZone(hours.zone())).minusMonths(1), hours.zone());
        } else {
            LocalDate f = date("from", from, errors);
            LocalDate t = date("to", to, errors);
            if (f != null && t != null) {
                if (f.isAfter(t)) {
                    errors.put("to", "结束日期不能早于开始日期");
                } else if (f.plusDays(LONGEST_PERIOD_DAYS).isBefore(t)) {
                    errors.put("to", "一次最多统计五年");
                } else {
                    period = Period.of(f, t, hours.zone());
                }
            }
        }
        failOn(errors);
        return period;
    }

    private static LocalDate date(String field, String value, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            errors.put(field, "请填写日期(yyyy-MM-dd)");
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.put(field, "日期格式应为 yyyy-MM-dd");
            return null;
        }
    }
}
