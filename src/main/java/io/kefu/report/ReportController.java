package io.kefu.report;

import io.kefu.identity.DataAccessLog;
import io.kefu.identity.CurrentUser;
import io.kefu.shared.export.Csv;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/reports/{report}?month=2026-10} or {@code ?from=2026-10-01&to=2026-10-31}, as JSON, .csv or .xlsx. */
@RestController
@RequestMapping("/api/reports")
class ReportController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    record ReportLink(String key, String title, String json, String csv, String xlsx) {
    }

    private final ReportService reports;
    private final DataAccessLog accessLog;

    ReportController(ReportService reports, DataAccessLog accessLog) {
        this.reports = reports;
        this.accessLog = accessLog;
    }

    /** The list is for those who may run the reports (README: managers, supervisors, auditors), like the reports. */
    @GetMapping
    List<ReportLink> list() {
        if (!ReportService.mayRead(CurrentUser.get())) {
            throw new AccessDeniedException("reports are for managers, supervisors and auditors");
        }
        return reports.readable(CurrentUser.get()).stream().map(r -> new ReportLink(r.key(), r.title(), "/api/reports/" + r.key(),
                "/api/reports/" + r.key() + ".csv", "/api/reports/" + r.key() + ".xlsx")).toList();
    }

    @GetMapping("/{report}")
    ReportResult get(@PathVariable String report, @RequestParam(required = false) String month,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return reports.run(report, reports.period(month, from, to), CurrentUser.get());
    }

    @GetMapping("/{report}.csv")
    ResponseEntity<byte[]> csv(@PathVariable String report, @RequestParam(required = false) String month,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        ReportResult result = exported(report, month, from, to, "CSV");
        return Csv.download(filename(result, "csv"), ReportFiles.csv(result));
    }

    @GetMapping("/{report}.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable String report, @RequestParam(required = false) String month,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        ReportResult result = exported(report, month, from, to, "Excel");
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename(result, "xlsx"), StandardCharsets.UTF_8).build().toString())
                .contentType(XLSX)
                .body(ReportFiles.xlsx(result));
    }

    private ReportResult exported(String report, String month, String from, String to, String format) {
        CurrentUser user = CurrentUser.get();
        ReportResult result = reports.run(report, reports.period(month, from, to), user);
        accessLog.exported(user.id(), null, null, "报表 " + result.title() + " " + result.period().label() + " " + format);
        return result;
    }

    private static String filename(ReportResult result, String extension) {
        return result.key() + "-" + result.period().from() + "_" + result.period().to() + "." + extension;
    }
}
