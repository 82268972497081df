package io.kefu.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.kefu.audit.FormLabels;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * V10 turns what a complaint record held before rounds existed into its rounds: one ended round for every 不满意
 * return visit in the record's Envers history, and the record's present fields as the current round. A database of
 * its own, migrated to V9.11, filled as the old code left it, then migrated to V10.
 */
class ComplaintRoundBackfillTests {

    static final LocalDateTime T0 = LocalDateTime.of(2026, 3, 2, 1, 0);

    JdbcTemplate jdbc;
    Flyway flyway;
    long customer;

    @BeforeEach
    void migratedToTheVersionBeforeRounds() {
        DriverManagerDataSource db = new DriverManagerDataSource(
                "jdbc:h2:mem:backfill-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(db).locations("classpath:db/migration").target("9.11").load().migrate();
        flyway = Flyway.configure().dataSource(db).locations("classpath:db/migration").load();
        jdbc = new JdbcTemplate(db);
        jdbc.update("""
                insert into customer (code, name, type, tier, status, store_count, created_at, updated_at, version)
                values ('C-BF', '回填客户', 'FRANCHISEE', 'B', 'ACTIVE', 1, ?, ?, 0)""", T0, T0);
        customer = jdbc.queryForObject("select id from customer where code = 'C-BF'", Long.class);
    }

    @Test
    void eachDissatisfiedVisitBecomesAnEndedRoundAndTheRecordItsCurrentRound() {
        // turned around: 不满意 in round 1, 满意 in round 2, closed
        long turned = complaint("CLOSED", 1, "二轮调查", 2, "二轮实施", "SATISFIED", "二轮回访");
        revision(turned, 1, "RESOLVED", null, "一轮调查", 1, "一轮实施");
        revision(turned, 2, "REOPENED", "DISSATISFIED", "一轮调查", 1, "一轮实施");
        revision(turned, 3, "INVESTIGATING", "DISSATISFIED", "二轮调查", null, "一轮实施");
        revision(turned, 4, "RESOLVED", "DISSATISFIED", "二轮调查", 2, "二轮实施");
        revision(turned, 5, "AWAITING_CLOSURE", "SATISFIED", "二轮调查", 2, "二轮实施");
        revision(turned, 6, "CLOSED", "SATISFIED", "二轮调查", 2, "二轮实施");
        // reopened, waiting for the manager: its new round has not begun
        long waiting = complaint("REOPENED", 1, "一轮调查", 1, "一轮实施", "DISSATISFIED", "不满意");
        revision(waiting, 1, "RESOLVED", null, "一轮调查", 1, "一轮实施");
        revision(waiting, 2, "REOPENED", "DISSATISFIED", "一轮调查", 1, "一轮实施");
        // never reopened, still being investigated
        long plain = complaint("INVESTIGATING", 0, "调查中", null, null, null, null);
        revision(plain, 1, "INVESTIGATING", null, "调查中", null, null);

        flyway.migrate();

        List<Map<String, Object>> turnedRounds = rounds(turned);
        assertThat(turnedRounds).extracting(r -> r.get("ROUND_NO")).containsExactly(1, 2);
        assertThat(turnedRounds.get(0)).containsEntry("FINDINGS", "一轮调查").containsEntry("CHOSEN_OPTION", 1)
                .containsEntry("IMPLEMENTATION_NOTES", "一轮实施").containsEntry("SATISFACTION", "DISSATISFIED")
                .containsEntry("VISITED_BY", "agent");
        assertThat(time(turnedRounds.get(0).get("VISITED_AT"))).isEqualTo(at(2));
        assertThat(turnedRounds.get(1)).containsEntry("FINDINGS", "二轮调查").containsEntry("CHOSEN_OPTION", 2)
                .containsEntry("IMPLEMENTATION_NOTES", "二轮实施").containsEntry("SATISFACTION", "SATISFIED")
                .containsEntry("VISIT_REMARKS", "二轮回访");
        assertThat(turnedRounds.get(1).get("OPENED_AT")).isEqualTo(turnedRounds.get(0).get("VISITED_AT"));
        assertThat(time(turnedRounds.get(1).get("VISITED_AT"))).isEqualTo(at(5));

        List<Map<String, Object>> waitingRounds = rounds(waiting);
        assertThat(waitingRounds).hasSize(2);
        assertThat(waitingRounds.get(0)).containsEntry("FINDINGS", "一轮调查").containsEntry("SATISFACTION", "DISSATISFIED");
        assertThat(waitingRounds.get(1)).containsEntry("FINDINGS", null).containsEntry("CHOSEN_OPTION", null)
                .containsEntry("IMPLEMENTATION_NOTES", null).containsEntry("SATISFACTION", null);

        List<Map<String, Object>> plainRounds = rounds(plain);
        assertThat(plainRounds).hasSize(1);
        assertThat(plainRounds.get(0)).containsEntry("ROUND_NO", 1).containsEntry("FINDINGS", "调查中")
                .containsEntry("SATISFACTION", null);

        // the satisfaction report's visits: one per answered round
        assertThat(jdbc.queryForObject("select count(*) from complaint_round where satisfaction is not null",
                Integer.class)).isEqualTo(3);
        // the round's fields have left the complaint record
        assertThatThrownBy(() -> jdbc.queryForList("select findings from complaint")).cause()
                .hasMessageContaining("FINDINGS");
    }

    /**
     * The revisions from before V10 still tell, in words and round by round, what the record's investigation, options,
     * decision, implementation and visit fields became, though those fields now live in the rounds; a revision written
     * since (its columns empty) adds nothing.
     */
    @Test
    void theRevisionsFromBeforeRoundsAreToldInWordsRoundByRound() {
        long turned = complaint("CLOSED", 1, "二轮调查", 2, "二轮实施", "SATISFIED", "二轮回访");
        revision(turned, 1, "RESOLVED", null, "一轮调查", 1, "一轮实施");
        revision(turned, 2, "REOPENED", "DISSATISFIED", "一轮调查", 1, "一轮实施");
        revision(turned, 3, "INVESTIGATING", "DISSATISFIED", "二轮调查", null, "一轮实施");
        revision(turned, 4, "RESOLVED", "DISSATISFIED", "二轮调查", 2, "二轮实施");
        flyway.migrate();
        revision(turned, 5, "AWAITING_CLOSURE", "SATISFIED", null, null, null); // written since V10

        FormLabels.Options options = new FormLabels.Options(Map.of(), Map.of("solutionDecision",
                Map.of("OPTION_1", "采用方案一", "OPTION_2", "采用方案二")));
        List<String> told = ComplaintRecordHistory.beforeRounds(jdbc, turned, options).stream()
                .map(e -> e.round() + " " + e.summary() + (e.detail() == null ? "" : " " + e.detail())).toList();

        assertThat(told).containsExactly(
                "1 第1轮处理开始",
                "1 修改 调查结果 — → 一轮调查",
                "1 修改 采用方案 — → 采用方案一",
                "1 修改 实施情况 — → 一轮实施",
                "2 第2轮处理开始",
                "2 修改 调查结果 一轮调查 → 二轮调查",
                "2 修改 采用方案 采用方案一 → —",
                "2 修改 采用方案 — → 采用方案二",
                "2 修改 实施情况 一轮实施 → 二轮实施");
    }

    private List<Map<String, Object>> rounds(long complaintId) {
        return jdbc.queryForList("select * from complaint_round where complaint_id = ? order by round_no", complaintId);
    }

    private static LocalDateTime time(Object value) {
        return value instanceof java.sql.Timestamp t ? t.toLocalDateTime() : (LocalDateTime) value;
    }

    private static LocalDateTime at(int step) {
        return T0.plusHours(step);
    }

    private long complaint(String status, int reopenCount, String findings, Integer chosenOption,
            String implementation, String satisfaction, String visitRemarks) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("""
                    insert into complaint (customer_id, complainant_name, complainant_phone, channel, category,
                      severity, description, owner_id, status, notify_manager, manager_approval, repeat_complaint,
                      reopen_count, department, findings, chosen_option, solution_option1, solution_option2,
                      implementation_notes, satisfaction, visit_remarks, customer_accepted, created_at, updated_at,
                      version)
                    values (?, '张三', '13800000000', 'HOTLINE', 'DELIVERY', 'MINOR', '回填', 'agent', ?, false, false,
                      false, ?, 'tech', ?, ?, '方案一', '方案二', ?, ?, ?, ?, ?, ?, 0)""", new String[] {"id"});
            ps.setLong(1, customer);
            ps.setString(2, status);
            ps.setInt(3, reopenCount);
            ps.setString(4, findings);
            ps.setObject(5, chosenOption);
            ps.setString(6, implementation);
            ps.setString(7, satisfaction);
            ps.setString(8, visitRemarks);
            ps.setObject(9, "REOPENED".equals(status) ? null : Boolean.TRUE);
            ps.setObject(10, T0);
            ps.setObject(11, at(6));
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    /** A revision of the complaint as Envers stored it, at hour {@code step} after T0. */
    private void revision(long complaintId, int step, String status, String satisfaction, String findings,
            Integer chosenOption, String implementation) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("insert into revinfo (revtstmp, username) values (?, 'agent')",
                    new String[] {"rev"});
            ps.setLong(1, at(step).toInstant(java.time.ZoneOffset.UTC).toEpochMilli());
            return ps;
        }, key);
        jdbc.update("""
                insert into complaint_aud (id, rev, revtype, status, satisfaction, findings, chosen_option,
                  implementation_notes, department, updated_at) values (?, ?, 1, ?, ?, ?, ?, ?, 'tech', ?)""",
                complaintId, key.getKey().longValue(), status, satisfaction, findings, chosenOption, implementation,
                at(step));
    }
}
