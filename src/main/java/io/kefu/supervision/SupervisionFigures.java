package io.kefu.supervision;

import io.kefu.report.Period;
import io.kefu.report.ReportResult;
import io.kefu.complaint.ComplaintReport;
import io.kefu.inquiry.InquiryReport;
import io.kefu.visit.VisitStatisticsReport;
import io.kefu.dispatch.DispatchReport;
import io.kefu.report.ReportResult.Kpi;
import io.kefu.report.ReportResult.Table;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures the 服务监督报告 and the weekly 每周服务状况报告 are built from: taken from the monthly reports themselves
 * (the same queries, the same formulas in docs/kpis.md), so a supervision report always agrees with the reports.
 */
@Service
public class SupervisionFigures {

    private final ComplaintReport complaints;
    private final InquiryReport inquiries;
    private final VisitStatisticsReport visits;
    private final DispatchReport dispatch;

    SupervisionFigures(ComplaintReport complaints, InquiryReport inquiries, VisitStatisticsReport visits,
            DispatchReport dispatch) {
        this.complaints = complaints;
        this.inquiries = inquiries;
        this.visits = visits;
        this.dispatch = dispatch;
    }

    @Transactional(readOnly = true)
    public ServiceFigures of(Period period) {
        ReportResult c = complaints.run(period);
        ReportResult i = inquiries.run(period);
        ReportResult v = visits.run(period);
        ReportResult d = dispatch.run(period);
        return new ServiceFigures(count(c, "受理投诉数"), count(c, "已结案"), rate(c, "响应及时率"), rate(c, "解决及时率"),
                count(c, "解决超时投诉"), count(i, "咨询总数"), count(i, "转交部门"), count(i, "转为个案"),
                count(v, "应回访"), count(v, "已回访"), rate(v, "回访完成率"), count(d, "派工单数"), rate(d, "按时上门率"));
    }

    /**
     * The technical-service people's figures of the period, each their row of 派工统计 (the report runs once for all
     * of them); a person without work orders gets zeros.
     */
    @Transactional(readOnly = true)
    public Function<String, ServiceFigures.Technician> ofTechnicians(Period period) {
        Table byTechnician = dispatch.run(period).tables().get(2);
        return userId -> {
            List<Object> own = row(byTechnician, userId);
            return new ServiceFigures.Technician(number(own, 1), number(own, 2), number(own, 3),
                    own == null ? null : (BigDecimal) own.get(4));
        };
    }

    private static Kpi kpi(ReportResult result, String name) {
        return result.kpis().stream().filter(k -> k.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException(result.title() + " has no figure " + name));
    }

    private static long count(ReportResult result, String name) {
        Number value = kpi(result, name).value();
        return value == null ? 0 : value.longValue();
    }

    private static BigDecimal rate(ReportResult result, String name) {
        return (BigDecimal) kpi(result, name).value();
    }

    private static List<Object> row(Table table, String label) {
        return table.rows().stream().filter(r -> label.equals(r.get(0))).findFirst().orElse(null);
    }

    private static long number(List<Object> row, int column) {
        return row == null || row.get(column) == null ? 0 : ((Number) row.get(column)).longValue();
    }
}
