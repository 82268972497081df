import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * H2's own statement statistics of a running app's database, through its AUTO_SERVER port.
 *
 * <pre>
 * java -cp h2.jar H2Statements.java /abs/path/to/data/kefu on            # start counting (and clear the counts)
 * java -cp h2.jar H2Statements.java /abs/path/to/data/kefu report 60     # per case of 60: count and ms by kind and table
 * </pre>
 */
public class H2Statements {

    public static void main(String[] args) throws Exception {
        String url = "jdbc:h2:file:" + args[0] + ";AUTO_SERVER=TRUE";
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            if (args[1].equals("on")) {
                connection.createStatement().execute("SET QUERY_STATISTICS FALSE");
                connection.createStatement().execute("SET QUERY_STATISTICS_MAX_ENTRIES 5000");
                connection.createStatement().execute("SET QUERY_STATISTICS TRUE");
                return;
            }
            int cases = Integer.parseInt(args[2]);
            Map<String, double[]> byKind = new TreeMap<>();
            ResultSet rows = connection.createStatement().executeQuery(
                    "select EXECUTION_COUNT, CUMULATIVE_EXECUTION_TIME, SQL_STATEMENT from INFORMATION_SCHEMA.QUERY_STATISTICS");
            while (rows.next()) {
                double[] sums = byKind.computeIfAbsent(kind(rows.getString(3)), k -> new double[2]);
                sums[0] += rows.getLong(1);
                sums[1] += rows.getDouble(2);
            }
            double statements = 0;
            double millis = 0;
            System.out.printf("%-40s %10s %10s%n", "kind and table", "per case", "ms a case");
            for (var entry : byKind.entrySet()) {
                statements += entry.getValue()[0];
                millis += entry.getValue()[1];
                System.out.printf("%-40s %10.2f %10.3f%n", entry.getKey(), entry.getValue()[0] / cases,
                        entry.getValue()[1] / cases);
            }
            System.out.printf("%-40s %10.2f %10.3f%n", "all", statements / cases, millis / cases);
        }
    }

    /** "select ACT_RU_TASK", "insert ACT_HI_DETAIL", "COMMIT": the statement's verb and its (first) table. */
    static String kind(String sql) {
        String text = sql.strip().replaceAll("\\s+", " ").toUpperCase();
        String[] words = text.split(" ");
        if (text.startsWith("SELECT")) {
            int from = text.indexOf(" FROM ");
            return "select " + (from < 0 ? "?" : text.substring(from + 6).split("[ ,(]")[0]);
        }
        if (text.startsWith("INSERT") || text.startsWith("DELETE")) {
            return words[0].toLowerCase() + " " + (words.length > 2 ? words[2].split("\\(")[0] : "?");
        }
        if (text.startsWith("UPDATE")) {
            return "update " + (words.length > 1 ? words[1] : "?");
        }
        return words[0];
    }
}
