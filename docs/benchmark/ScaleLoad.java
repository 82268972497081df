import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Copies one open complaint case N times, in SQL, for docs/benchmark/scale.sh: every engine row of the case (runtime,
 * history, authorizations, byte arrays, jobs: whatever row names the case's process instance, or a row of it) and its
 * Kefu complaint row. A copy's own ids are the template's (their last 50 characters: each ends in a unique UUID) with
 * "-n" appended, within the engine's 64; ids of shared things (process
 * definition, users, groups) stay. The case number becomes SC + n and the complaint id a new one, in the complaint row
 * and in the {@code complaintId} variable alike, so that the engine's task queries and Kefu's look-ups do the same
 * work as for real cases. Loads in chunks of INSERT ... SELECT (one statement per table and chunk).
 *
 *   java -cp JDBC_DRIVER ScaleLoad.java JDBC_URL USER PASSWORD PROCESS_INSTANCE_ID COPIES [FIRST [SHARE [QUEUE_GROUP]]]
 *   java -cp JDBC_DRIVER ScaleLoad.java JDBC_URL USER PASSWORD --sql N < statements.sql
 * The second form fills bench_seq(n) with 1 … N, then runs the statements (separated by ";" at a line's end).
 *
 * <p>SHARE (0: every copy is the template's people's) spreads the copies over teams, as open cases are spread in a
 * service center: copies 1 … SHARE - 1 stay with the template's people (with the template, SHARE cases), copy n from
 * SHARE on belongs to team n / SHARE. In a team's copies every user named in the case's rows (assignee, owner, grants,
 * identity links, starter, the {@code ownerId} variable) is that user with {@code ~team} appended, and so is every
 * group (candidate groups, group grants): each team is a mirror of the template's people, with SHARE cases of its own.
 * QUEUE_GROUP (with SHARE): every other team (the odd ones) has its cases waiting unassigned in its queue instead, as
 * a department's work waits until someone claims it: no assignee, the task offered to the team's mirror of QUEUE_GROUP
 * (a candidate identity link), and the assignee's grant on the task given to that group instead.
 */
public class ScaleLoad {

    /** The columns that tie a row to the case: it belongs to the case when one of them names one of the case's ids. */
    private static final Set<String> LINKS = Set.of("PROC_INST_ID_", "PROCESS_INSTANCE_ID_", "ROOT_PROC_INST_ID_",
            "TASK_ID_", "RESOURCE_ID_", "DEC_INST_ID_", "ROOT_DEC_INST_ID_");
    /** The columns of a case's row that name further rows of the case: itself, and its byte arrays. */
    private static final Set<String> OWN = Set.of("ID_", "BYTEARRAY_ID_", "EXCEPTION_STACK_ID_", "ERROR_DETAILS_ID_");

    /** Id-like columns that name shared things, never a row of the case: copied unchanged. */
    private static final Set<String> SHARED = Set.of("PROC_DEF_ID_", "PROC_DEF_KEY_", "DEPLOYMENT_ID_", "USER_ID_",
            "GROUP_ID_", "TENANT_ID_", "CASE_DEF_ID_", "CASE_DEF_KEY_", "DEC_DEF_ID_", "DEC_DEF_KEY_", "DEC_REQ_ID_",
            "DEC_REQ_KEY_", "ACT_ID_", "TASK_DEF_KEY_", "JOB_DEF_ID_", "ASSIGNEE_", "OWNER_", "START_USER_ID_",
            "START_ACT_ID_", "END_ACT_ID_", "FORM_KEY_", "ACTIVITY_ID_", "FAILED_ACT_ID_", "BATCH_ID_", "HANDLER_TYPE_",
            "TYPE_", "NAME_", "CATEGORY_", "OPERATION_ID_", "ENTITY_TYPE_", "CLAUSE_ID_", "RULE_ID_");
    private static final int CHUNK = 5000;

    public static void main(String[] args) throws Exception {
        String url = args[0], user = args[1], password = args[2], template = args[3];
        if (template.equals("--sql")) {
            runSql(url, user, password, Integer.parseInt(args[4]));
            return;
        }
        int copies = Integer.parseInt(args[4]);
        int first = args.length > 5 ? Integer.parseInt(args[5]) : 1;
        int share = args.length > 6 ? Integer.parseInt(args[6]) : 0;
        String queueGroup = args.length > 7 && share > 0 ? args[7] : null;
        long started = System.nanoTime();
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            db.setAutoCommit(false);
            // the copies' rows refer to each other in one statement's rows: checked by construction, not per row
            boolean h2 = url.startsWith("jdbc:h2:");
            try (Statement st = db.createStatement()) {
                st.execute(h2 ? "set referential_integrity false" : "set foreign_key_checks = 0");
            }
            Map<String, List<Column>> tables = engineTables(db);
            Set<String> ids = caseIds(db, tables, template);
            // the template's rows, kept apart once, in a table of their own per engine table that holds any: a chunk
            // then reads a few rows, not tables that grow with each chunk (the case's test is an OR over several
            // columns, which no index serves)
            Map<String, String> source = new LinkedHashMap<>();
            for (var table : tables.entrySet()) {
                String condition = rowsOfTheCase(table.getValue(), ids);
                if (condition == null) {
                    continue;
                }
                String copy = "bench_tpl_" + source.size();
                try (Statement st = db.createStatement()) {
                    st.execute("drop table if exists " + copy);
                    st.execute("create table " + copy + " as select * from " + table.getKey() + " where "
                            + condition.replace("{t}", ""));
                    if (count(db, "select count(*) from " + copy) == 0) {
                        st.execute("drop table " + copy);
                        continue;
                    }
                }
                source.put(table.getKey(), copy);
            }
            String complaint = table(db, "complaint");
            long complaintId = single(db, "select id from " + complaint + " where process_instance_id = '" + template + "'");
            String caseNo = string(db, "select case_no from " + complaint + " where id = " + complaintId);
            long base = single(db, "select max(id) from " + complaint) - first + 1;
            System.out.printf("template %s (complaint %d, %s): %d ids in %d tables %s%n", template, complaintId, caseNo,
                    ids.size(), source.size(), source.keySet());
            fillSequence(db, first + copies - 1);
            String link = table(db, "ACT_RU_IDENTITYLINK");
            String task = table(db, "ACT_RU_TASK");
            db.commit();
            for (int from = first; from < first + copies; from += CHUNK) {
                int to = Math.min(first + copies - 1, from + CHUNK - 1);
                String range = " join bench_seq s on s.n between " + from + " and " + to;
                for (var table : source.entrySet()) {
                    List<Column> columns = tables.get(table.getKey());
                    boolean named = columns.stream().anyMatch(c -> c.name().equals("NAME_"));
                    boolean grants = columns.stream().anyMatch(c -> c.name().equals("RESOURCE_TYPE_"));
                    String select = columns.stream().map(c -> c.copied(ids, caseNo, named ? complaintId : null, base, share,
                                    queueGroup, grants))
                            .collect(Collectors.joining(", "));
                    String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
                    try (Statement st = db.createStatement()) {
                        st.executeUpdate("insert into " + table.getKey() + " (" + names + ") select " + select + " from "
                                + table.getValue() + " t" + range);
                    }
                }
                if (queueGroup != null) {
                    try (Statement st = db.createStatement()) {
                        st.executeUpdate("insert into " + link + " (ID_, REV_, GROUP_ID_, TYPE_, TASK_ID_) select"
                                + " concat('bench-queue-', s.n), 1, concat('" + queueGroup + "~', floor(s.n / " + share
                                + ")), 'candidate', concat(right(t.ID_, 50), '-', s.n) from " + task + " t" + range
                                + " where t.PROC_INST_ID_ = '" + template + "' and " + queued(share));
                    }
                }
                List<Column> columns = columns(db, complaint);
                String select = columns.stream().map(c -> switch (c.name().toLowerCase(Locale.ROOT)) {
                    case "id" -> base + " + s.n";
                    case "case_no" -> caseNumber();
                    case "process_instance_id" -> "concat(t.process_instance_id, '-', s.n)";
                    case "owner_id" -> share == 0 ? "t.owner_id" : "case " + mirrored("t.owner_id", share);
                    default -> "t." + c.name();
                }).collect(Collectors.joining(", "));
                try (Statement st = db.createStatement()) {
                    st.executeUpdate("insert into " + complaint + " (" + columns.stream().map(Column::name)
                            .collect(Collectors.joining(", ")) + ") select " + select + " from " + complaint + " t"
                            + range + " where t.id = " + complaintId);
                }
                db.commit();
                System.out.printf("  copies %d–%d loaded (%.0f s)%n", from, to, (System.nanoTime() - started) / 1e9);
            }
            try (Statement st = db.createStatement()) {
                for (String copy : source.values()) {
                    st.execute("drop table " + copy);
                }
                if (h2) {
                    st.execute("alter table " + complaint + " alter column id restart with "
                            + (single(db, "select max(id) from " + complaint) + 1));
                    st.execute("set referential_integrity true");
                }
            }
            db.commit();
        }
        System.out.printf("%d copies in %.0f s%n", copies, (System.nanoTime() - started) / 1e9);
    }

    private static void runSql(String url, String user, String password, int n) throws Exception {
        String script = new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            db.setAutoCommit(false);
            fillSequence(db, n);
            for (String statement : script.split(";\\s*\\n")) {
                String sql = statement.lines().filter(l -> !l.strip().startsWith("--")).collect(Collectors.joining("\n"));
                if (!sql.isBlank()) {
                    long t0 = System.nanoTime();
                    try (Statement st = db.createStatement()) {
                        int rows = st.executeUpdate(sql.strip().replaceAll(";$", ""));
                        System.out.printf("%d rows in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);
                    }
                    db.commit();
                }
            }
        }
    }

    /** The copy s.n waits unassigned in its team's queue: a team's copy, of an odd team. */
    private static String queued(int share) {
        return "s.n >= " + share + " and mod(floor(s.n / " + share + "), 2) = 1";
    }

    /** The end of a {@code case} expression: in a team's copy the team's mirror of the user or group, else as it is. */
    private static String mirrored(String column, int share) {
        return mirrored(column + " is not null", column, share);
    }

    /** The same, for the rows that meet {@code condition}. */
    private static String mirrored(String condition, String column, int share) {
        return "when s.n >= " + share + " and " + condition + " then concat(" + column + ", '~', floor(s.n / " + share
                + ")) else " + column + " end";
    }

    /** SC and the copy's number, 20 characters at most as complaint.case_no. */
    private static String caseNumber() {
        return "concat('SC', lpad(concat('', s.n), 9, '0'))";
    }

    /** Columns that name a user or a group: in a team's copy (SHARE), the team's mirror of them. */
    private static final Set<String> PEOPLE = Set.of("ASSIGNEE_", "OWNER_", "USER_ID_", "START_USER_ID_", "GROUP_ID_");

    record Column(String name, int type) {

        boolean isText() {
            return type == Types.VARCHAR || type == Types.NVARCHAR || type == Types.CHAR;
        }

        boolean isLocalId() {
            return isText() && (name.equals("ID_") || name.endsWith("_ID_") || name.equals("BUSINESS_KEY_")
                    || name.equals("VAR_SCOPE_") || name.equals("SUPER_EXEC_") || name.equals("PARENT_ID_"))
                    && !SHARED.contains(name);
        }

        /**
         * The column's value in a copy; {@code complaintId} null for a table without variable names, {@code queueGroup}
         * null unless the odd teams' cases wait in a queue, {@code grants} for the authorization table.
         */
        String copied(Set<String> ids, String caseNo, Long complaintId, long base, int share, String queueGroup,
                boolean grants) {
            String t = "t." + name;
            if (queueGroup != null && name.equals("ASSIGNEE_")) {
                return "case when " + queued(share) + " then null " + mirrored(t, share);
            }
            if (queueGroup != null && grants && (name.equals("USER_ID_") || name.equals("GROUP_ID_"))) {
                // the assignee's grant on the task (resource type 7), in a queued copy: the team's group's instead
                String taskGrant = queued(share) + " and t.RESOURCE_TYPE_ = 7 and t.USER_ID_ is not null";
                return "case when " + taskGrant + " then " + (name.equals("USER_ID_") ? "null"
                        : "concat('" + queueGroup + "~', floor(s.n / " + share + "))") + " " + mirrored(t, share);
            }
            if (share > 0 && PEOPLE.contains(name)) {
                return "case " + mirrored(t, share);
            }
            if (share > 0 && name.equals("TEXT_") && complaintId != null) {
                return "case when t.NAME_ = 'complaintId' and " + t + " = '" + complaintId + "' then concat('', " + base
                        + " + s.n) " + mirrored(t + " is not null and t.NAME_ = 'ownerId'", t, share);
            }
            if (name.equals("BUSINESS_KEY_")) {
                return "case when " + t + " = '" + caseNo + "' then " + caseNumber() + " else " + t + " end";
            }
            if (isLocalId()) {
                return "case when " + t + " in (" + quoted(ids) + ") then concat(right(" + t + ", 50), '-', s.n) else " + t + " end";
            }
            if (name.equals("LONG_") && complaintId != null) {
                return "case when t.NAME_ = 'complaintId' and " + t + " = " + complaintId + " then " + base + " + s.n else "
                        + t + " end";
            }
            if (name.equals("TEXT_") && complaintId != null) {
                return "case when t.NAME_ = 'complaintId' and " + t + " = '" + complaintId + "' then concat('', " + base
                        + " + s.n) else " + t + " end";
            }
            return t;
        }
    }

    /** The engine's tables and their columns, by the names the database knows them. */
    private static Map<String, List<Column>> engineTables(Connection db) throws SQLException {
        Map<String, List<Column>> tables = new LinkedHashMap<>();
        DatabaseMetaData meta = db.getMetaData();
        try (ResultSet rs = meta.getTables(db.getCatalog(), null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                String upper = name.toUpperCase(Locale.ROOT);
                if ((upper.startsWith("ACT_RU_") || upper.startsWith("ACT_HI_") || upper.equals("ACT_GE_BYTEARRAY"))
                        && !tables.containsKey(name)) {
                    tables.put(name, columns(db, name));
                }
            }
        }
        return tables;
    }

    private static List<Column> columns(Connection db, String table) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("select * from " + table + " where 1 = 0")) {
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                columns.add(new Column(rs.getMetaData().getColumnName(i).toUpperCase(Locale.ROOT),
                        rs.getMetaData().getColumnType(i)));
            }
        }
        return columns;
    }

    /**
     * The ids of the case's own rows: from the process instance, every row tied to one of them ({@link #LINKS}) adds
     * its own id and its byte arrays' ({@link #OWN}) — until nothing new is found.
     */
    private static Set<String> caseIds(Connection db, Map<String, List<Column>> tables, String template)
            throws SQLException {
        Set<String> ids = new LinkedHashSet<>(Set.of(template));
        int before;
        do {
            before = ids.size();
            for (var table : tables.entrySet()) {
                String condition = rowsOfTheCase(table.getValue(), ids);
                if (condition == null) {
                    continue;
                }
                List<Column> local = table.getValue().stream().filter(c -> OWN.contains(c.name())).toList();
                try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("select "
                        + local.stream().map(Column::name).collect(Collectors.joining(", ")) + " from " + table.getKey()
                        + " where " + condition.replace("{t}", ""))) {
                    while (rs.next()) {
                        for (int i = 1; i <= local.size(); i++) {
                            if (rs.getString(i) != null) {
                                ids.add(rs.getString(i));
                            }
                        }
                    }
                }
            }
        } while (ids.size() > before);
        return ids;
    }

    /** The rows of a table that belong to the case: any of its own-id columns names one of the case's ids. */
    private static String rowsOfTheCase(List<Column> columns, Set<String> ids) {
        boolean byteArrays = columns.stream().anyMatch(c -> c.name().equals("BYTES_"));
        List<String> tests = columns.stream()
                .filter(c -> LINKS.contains(c.name()) || (byteArrays && c.name().equals("ID_")))
                .map(c -> "{t}" + c.name() + " in (" + quoted(ids) + ")").toList();
        return tests.isEmpty() ? null : "(" + String.join(" or ", tests) + ")";
    }

    private static String quoted(Set<String> ids) {
        return ids.stream().map(id -> "'" + id.replace("'", "''") + "'").collect(Collectors.joining(", "));
    }

    /** bench_seq(n) holds 1 … n: doubled by INSERT … SELECT, the same SQL on H2 and MariaDB. */
    private static void fillSequence(Connection db, int n) throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute("create table if not exists bench_seq (n int not null primary key)");
            if (count(db, "select count(*) from bench_seq") == 0) {
                st.execute("insert into bench_seq (n) values (1)");
            }
            long have;
            while ((have = count(db, "select count(*) from bench_seq")) < n) {
                st.executeUpdate("insert into bench_seq (n) select n + " + have + " from bench_seq");
            }
        }
        db.commit();
    }

    private static String table(Connection db, String name) throws SQLException {
        try (ResultSet rs = db.getMetaData().getTables(db.getCatalog(), null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                if (rs.getString("TABLE_NAME").equalsIgnoreCase(name)) {
                    return rs.getString("TABLE_NAME");
                }
            }
        }
        throw new IllegalStateException("no table " + name);
    }

    private static long count(Connection db, String sql) throws SQLException {
        return single(db, sql);
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String string(Connection db, String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
