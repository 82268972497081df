package io.kefu.report;

import io.kefu.report.ReportResult.Kpi;
import io.kefu.report.ReportResult.Table;
import io.kefu.shared.export.Csv;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** A report as a file: CSV (one block per table) or an Excel workbook (one sheet per table, streamed with SXSSF). */
final class ReportFiles {

    static String csv(ReportResult report) {
        List<List<?>> lines = new ArrayList<>();
        lines.add(List.of(report.title(), report.period().label()));
        lines.add(List.of());
        lines.add(List.of("指标", "数值", "单位"));
        for (Kpi kpi : report.kpis()) {
            lines.add(List.of(kpi.name(), kpi.value() == null ? "—" : kpi.value(), kpi.unit()));
        }
        for (Table table : report.tables()) {
            lines.add(List.of());
            lines.add(List.of(table.title()));
            lines.add(table.columns());
            table.rows().forEach(row -> lines.add(row.stream().map(v -> v == null ? "—" : v).toList()));
        }
        return Csv.of(List.of("报表", "期间"), lines);
    }

    static byte[] xlsx(ReportResult report) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);

            Sheet summary = workbook.createSheet("指标");
            int r = 0;
            write(summary.createRow(r++), List.of(report.title(), report.period().label()), bold);
            write(summary.createRow(r++), List.of("指标", "数值", "单位"), bold);
            for (Kpi kpi : report.kpis()) {
                write(summary.createRow(r++), java.util.Arrays.asList(kpi.name(), kpi.value(), kpi.unit()), null);
            }
            int n = 1;
            for (Table table : report.tables()) {
                Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(n++ + " " + table.title()));
                int i = 0;
                write(sheet.createRow(i++), List.of(table.title()), bold);
                write(sheet.createRow(i++), table.columns(), bold);
                for (List<Object> row : table.rows()) {
                    write(sheet.createRow(i++), row, null);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, List<?> values, CellStyle style) {
        for (int c = 0; c < values.size(); c++) {
            Cell cell = row.createCell(c);
            Object v = values.get(c);
            if (v instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else if (v != null) {
                cell.setCellValue(v.toString());
            }
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }

    private ReportFiles() {
    }
}
