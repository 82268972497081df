package io.kefu.customer;

import static io.kefu.report.Figures.percent;

import io.kefu.report.Report;
import io.kefu.report.Period;
import io.kefu.report.ReportResult;
import io.kefu.report.ReportResult.Chart;
import io.kefu.report.ReportResult.Kpi;
import io.kefu.report.ReportResult.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** 客户数及店数统计: customers (and their stores) by type and tier at the start and end of the period, new and lost. */
@Component
class CustomerReport implements Report {

    private final CustomerCounts counts;
    private final ObjectProvider<ContractsInForce> contractsInForce;

    CustomerReport(CustomerCounts counts, ObjectProvider<ContractsInForce> contractsInForce) {
        this.counts = counts;
        this.contractsInForce = contractsInForce;
    }

    @Override
    public String key() {
        return "customers";
    }

    @Override
    public String title() {
        return "客户数及店数统计";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public ReportResult run(Period period) {
        CustomerCounts.Counts atStart = counts.activeAt(period.start());
        CustomerCounts.Counts atEnd = counts.activeAt(period.end());
        Map<String, Long> registered = counts.registered(period.start(), period.end());
        Map<String, Long> lost = counts.lost(period.start(), period.end());

        List<List<Object>> byTypeAndTier = new ArrayList<>();
        List<List<Object>> byType = new ArrayList<>();
        long[] totals = new long[5];
        for (CustomerType type : CustomerType.values()) {
            long[] typeTotals = new long[5];
            for (CustomerTier tier : CustomerTier.values()) {
                String key = type.name() + "/" + tier.name();
                long[] row = {atStart.customers().getOrDefault(key, 0L), registered.getOrDefault(key, 0L),
                        lost.getOrDefault(key, 0L), atEnd.customers().getOrDefault(key, 0L),
                        atEnd.stores().getOrDefault(key, 0L)};
                byTypeAndTier.add(Arrays.asList(type.label(), tier.name(), row[0], row[1], row[2], row[3], row[4]));
                for (int i = 0; i < row.length; i++) {
                    typeTotals[i] += row[i];
                    totals[i] += row[i];
                }
            }
            byType.add(Arrays.asList(type.label(), typeTotals[0], typeTotals[1], typeTotals[2], typeTotals[3],
                    typeTotals[3] - typeTotals[0], typeTotals[4]));
        }
        byType.add(Arrays.asList("合计", totals[0], totals[1], totals[2], totals[3], totals[3] - totals[0], totals[4]));

        Map<String, long[]> contracts = contractsInForce.getIfAvailable(() -> (from, to) -> Map.of())
                .byCustomerType(period.from(), period.to());
        List<List<Object>> byContract = new ArrayList<>();
        long[] contractTotals = new long[4];
        for (CustomerType type : CustomerType.values()) {
            long[] c = contracts.getOrDefault(type.name(), new long[4]);
            byContract.add(Arrays.asList(type.label(), c[0], c[1], c[2], c[3]));
            for (int i = 0; i < c.length; i++) {
                contractTotals[i] += c[i];
            }
        }
        byContract.add(Arrays.asList("合计", contractTotals[0], contractTotals[1], contractTotals[2], contractTotals[3]));

        List<Kpi> kpis = List.of(
                new Kpi("期初客户数", totals[0], "户", "customers-active"),
                new Kpi("新增客户", totals[1], "户", "customers-new"),
                new Kpi("流失客户(解约)", totals[2], "户", "customers-lost"),
                new Kpi("期末客户数", totals[3], "户", "customers-active"),
                new Kpi("净增减", totals[3] - totals[0], "户", "customers-net"),
                new Kpi("流失率", percent(totals[2], totals[0] + totals[1]), "%", "churn-rate"),
                new Kpi("期末店数(客户登记)", totals[4], "家", "stores"),
                new Kpi("期末有效合同", contractTotals[0], "份", "contracts-in-force"),
                new Kpi("期末店数(按合同)", contractTotals[1], "家", "contract-stores"),
                new Kpi("本期新生效合同", contractTotals[2], "份", "contracts-in-force"),
                new Kpi("本期解约合同", contractTotals[3], "份", "contracts-in-force"));
        List<Table> tables = List.of(
                new Table("按客户类型", List.of("客户类型", "期初", "新增", "流失", "期末", "增减", "店数"), byType),
                new Table("按类型与等级", List.of("客户类型", "等级", "期初", "新增", "流失", "期末", "店数"), byTypeAndTier),
                new Table("合同与店数(按合同)", List.of("客户类型", "期末有效合同", "期末店数", "本期生效", "本期解约"),
                        byContract));
        List<Chart> charts = List.of(new Chart("各类型客户增减", "bar", 0, 0, List.of(2, 3, 4)));
        return new ReportResult(key(), title(), period, kpis, tables, charts);
    }
}
