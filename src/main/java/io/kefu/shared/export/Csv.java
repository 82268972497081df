package io.kefu.shared.export;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** CSV files for download: UTF-8 with a byte-order mark, so that Excel opens Chinese text correctly. */
public final class Csv {

    private static final String BOM = "\uFEFF";

    /** A header line and rows; every value quoted where needed (RFC 4180), lines end with CRLF. */
    public static String of(List<String> header, List<List<?>> rows) {
        StringBuilder sb = new StringBuilder(BOM);
        line(sb, header);
        rows.forEach(row -> line(sb, row));
        return sb.toString();
    }

    /** The file as a download named {@code filename} (non-ASCII names encoded as RFC 5987 asks). */
    public static ResponseEntity<byte[]> download(String filename, String csv) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static void line(StringBuilder sb, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(quote(values.get(i)));
        }
        sb.append("\r\n");
    }

    private static String quote(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        // a leading =, +, - or @ would make Excel run the cell as a formula (CSV injection)
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.matches("-?[0-9.]+")) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    private Csv() {
    }
}
