package io.kefu.dispatch;

import io.kefu.report.Report;
import io.kefu.report.Period;
import io.kefu.report.ReportResult;
import static io.kefu.report.Figures.count;
import static io.kefu.report.Figures.percent;
import static io.kefu.report.Figures.utc;

import io.kefu.report.ReportResult.Chart;
import io.kefu.report.ReportResult.Kpi;
import io.kefu.report.ReportResult.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 派工统计: the work orders (安装任务派工单, 维修服务单) opened in the period, by kind and status and by technician, with
 * the on-time rate of the visits and the out-of-warranty parts fees. Formulas: docs/kpis.md.
 */
@Component
public class DispatchReport implements Report {

    /**
     * One grouped query, rolled up three ways. A visit is due once it was served or its lateness was recorded; it was
     * on time when served with no lateness ever recorded (the late timer fires at the appointment plus the grace).
     */
    private static final String FIGURES = """
            select w.kind, w.status, w.technician, count(*),
              sum(case when w.serviced_at is not null or w.late_at is not null then 1 else 0 end),
              sum(case when w.serviced_at is not null and w.late_at is null then 1 else 0 end),
              sum(case when w.out_of_warranty = true then 1 else 0 end),
              sum(case when w.out_of_warranty = true then w.parts_fee else 0 end),
              sum(case when w.out_of_warranty = true and w.finance_confirmed_at is not null then w.parts_fee else 0 end)
            from work_order w where w.opened_at >= ? and w.opened_at < ?
            group by w.kind, w.status, w.technician""";

    /** The figures of one group of work orders; fees in yuan. */
    record Group(long orders, long due, long onTime, long charged, BigDecimal fees, BigDecimal feesConfirmed) {

        static final Group NONE = new Group(0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO);

        Group plus(Group o) {
            return new Group(orders + o.orders, due + o.due, onTime + o.onTime, charged + o.charged, fees.add(o.fees),
                    feesConfirmed.add(o.feesConfirmed));
        }

        List<Object> row(Object label) {
            return Arrays.asList(label, orders, due, onTime, percent(onTime, due), charged, fees, feesConfirmed);
        }
    }

    static final List<String> COLUMNS = List.of("分组", "派工单数", "应上门", "按时上门", "按时率%", "保外维修单",
            "零部件费用(元)", "财务已确认(元)");

    private final JdbcTemplate jdbc;

    DispatchReport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "dispatch";
    }

    @Override
    public String title() {
        return "派工统计";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public ReportResult run(Period period) {
        Map<String, Group> byKind = new LinkedHashMap<>();
        Map<String, Group> byStatus = new LinkedHashMap<>();
        Map<String, Group> byTechnician = new TreeMap<>();
        Map<String, long[]> kindByStatus = new LinkedHashMap<>();
        jdbc.query(FIGURES, rs -> {
            Group g = new Group(count(rs.getObject(4)), count(rs.getObject(5)), count(rs.getObject(6)),
                    count(rs.getObject(7)), money(rs.getBigDecimal(8)), money(rs.getBigDecimal(9)));
            String kind = rs.getString(1);
            String status = rs.getString(2);
            byKind.merge(kind, g, Group::plus);
            byStatus.merge(status, g, Group::plus);
            String technician = rs.getString(3);
            byTechnician.merge(technician == null ? "" : technician, g, Group::plus);
            kindByStatus.computeIfAbsent(kind, k -> new long[WorkOrderStatus.values().length])
                    [WorkOrderStatus.valueOf(status).ordinal()] += g.orders();
        }, utc(period.start()), utc(period.end()));
        Group all = byKind.values().stream().reduce(Group.NONE, Group::plus);
        long open = Arrays.stream(WorkOrderStatus.values()).filter(WorkOrderStatus::isOpen)
                .mapToLong(s -> byStatus.getOrDefault(s.name(), Group.NONE).orders()).sum();

        List<Kpi> kpis = List.of(
                new Kpi("派工单数", all.orders(), "单", "work-orders"),
                new Kpi("安装任务派工单", byKind.getOrDefault(WorkOrderKind.INSTALLATION.name(), Group.NONE).orders(), "单",
                        "work-orders"),
                new Kpi("维修服务单", byKind.getOrDefault(WorkOrderKind.REPAIR.name(), Group.NONE).orders(), "单",
                        "work-orders"),
                new Kpi("已完成", byStatus.getOrDefault(WorkOrderStatus.CLOSED.name(), Group.NONE).orders(), "单",
                        "work-orders-closed"),
                new Kpi("未完成", open, "单", "work-orders-open"),
                new Kpi("按时上门率", percent(all.onTime(), all.due()), "%", "dispatch-on-time"),
                new Kpi("保外维修单", all.charged(), "单", "out-of-warranty-fees"),
                new Kpi("保外零部件费用", all.fees(), "元", "out-of-warranty-fees"),
                new Kpi("财务已确认费用", all.feesConfirmed(), "元", "out-of-warranty-fees"));

        List<List<Object>> kindRows = new ArrayList<>();
        for (WorkOrderKind kind : WorkOrderKind.values()) {
            kindRows.add(byKind.getOrDefault(kind.name(), Group.NONE).row(kind.formTitle()));
        }
        kindRows.add(all.row("合计"));
        List<List<Object>> statusRows = new ArrayList<>();
        for (WorkOrderStatus status : WorkOrderStatus.values()) {
            List<Object> row = new ArrayList<>();
            row.add(status.label());
            long total = 0;
            for (WorkOrderKind kind : WorkOrderKind.values()) {
                long n = kindByStatus.getOrDefault(kind.name(), new long[WorkOrderStatus.values().length])
                        [status.ordinal()];
                row.add(n);
                total += n;
            }
            row.add(total);
            statusRows.add(row);
        }
        List<String> statusColumns = new ArrayList<>(List.of("状态"));
        Arrays.stream(WorkOrderKind.values()).forEach(k -> statusColumns.add(k.label()));
        statusColumns.add("合计");
        List<List<Object>> technicianRows = new ArrayList<>();
        byTechnician.forEach((technician, g) -> technicianRows.add(g.row(technician.isEmpty() ? "未派工" : technician)));
        technicianRows.add(all.row("合计"));

        List<Table> tables = List.of(
                new Table("按派工类型", COLUMNS, kindRows),
                new Table("按状态", statusColumns, statusRows),
                new Table("按技术人员", COLUMNS, technicianRows));
        return new ReportResult(key(), title(), period, kpis, tables, List.of(
                new Chart("各状态派工单", "bar", 1, 0, List.of(1, 2)),
                new Chart("各技术人员派工单与按时率", "bar", 2, 0, List.of(1, 4))));
    }

    private static BigDecimal money(BigDecimal value) {
        return value == null ? BigDecimal.ZERO.setScale(2) : value.setScale(2);
    }
}
