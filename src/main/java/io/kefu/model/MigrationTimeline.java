package io.kefu.model;

import io.kefu.audit.CaseRecordHistory;
import io.kefu.audit.TimelineEntry;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The audit timeline's lines about process redesign: every migration that moved the case to another version of its
 * process, by whom and when. Any process can be migrated, so this speaks for every kind of case.
 */
@Component
class MigrationTimeline implements CaseRecordHistory {

    static final String KIND = "MIGRATED";

    private final JdbcTemplate jdbc;

    MigrationTimeline(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean supports(String processKey) {
        return true;
    }

    @Override
    public List<TimelineEntry> changes(String businessKey) {
        return jdbc.query("select m.occurred_at, m.actor, m.process_key, m.from_version, m.to_version,"
                + " c.process_instance_id from model_migration m join model_migrated_case c on c.migration_id = m.id"
                + " where c.business_key = ? order by m.occurred_at", (rs, i) -> TimelineEntry.record(
                        rs.getTimestamp("occurred_at").toInstant(), KIND, rs.getString("actor"),
                        "由 " + rs.getString("actor") + " 从第 " + rs.getInt("from_version") + " 版迁移到第 "
                                + rs.getInt("to_version") + " 版流程",
                        rs.getString("process_key") + " v" + rs.getInt("from_version") + " → v" + rs.getInt("to_version")
                                + "(流程实例 " + rs.getString("process_instance_id") + ")"),
                businessKey);
    }

    @Override
    public Optional<Long> customerId(String businessKey) {
        return Optional.empty();
    }
}
