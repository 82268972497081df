package io.kefu.model;

import io.kefu.shared.time.TimeText;
import io.kefu.audit.CaseRecordHistory;
import io.kefu.audit.TimelineEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The audit timeline's lines about process redesign: every migration that moved the case to another version of its
 * process, told in words — the process by its name and the versions by their numbers ("投诉处理 第 1 版 → 第 2 版"), who
 * moved it, and why: the new version it was moved onto, who deployed it and when. Never the process key or an
 * instance id. Any process can be migrated, so this speaks for every kind of case.
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
        return jdbc.query("""
                select m.occurred_at, m.actor, m.from_version, m.to_version, f.NAME_ from_name, t.NAME_ to_name,
                  (select min(d.actor) from model_deployment d where d.deployment_id = t.DEPLOYMENT_ID_) deployed_by,
                  (select min(d.occurred_at) from model_deployment d where d.deployment_id = t.DEPLOYMENT_ID_) deployed_at
                from model_migration m join model_migrated_case c on c.migration_id = m.id
                left join ACT_RE_PROCDEF f on f.ID_ = m.from_definition_id
                left join ACT_RE_PROCDEF t on t.ID_ = m.to_definition_id
                where c.business_key = ? order by m.occurred_at, m.id""", (rs, i) -> entry(rs), businessKey);
    }

    private static TimelineEntry entry(ResultSet rs) throws SQLException {
        String actor = rs.getString("actor");
        String to = name(rs.getString("to_name"));
        String from = rs.getString("from_name") == null ? to : rs.getString("from_name");
        String versions = from.equals(to)
                ? to + " 第 " + rs.getInt("from_version") + " 版 → 第 " + rs.getInt("to_version") + " 版"
                : from + " 第 " + rs.getInt("from_version") + " 版 → " + to + " 第 " + rs.getInt("to_version") + " 版";
        Timestamp deployedAt = rs.getTimestamp("deployed_at");
        String deployedBy = rs.getString("deployed_by");
        String why = "流程改版:案件转到新版本继续办理"
                + (deployedBy == null ? "" : ",新版本由 " + deployedBy
                        + (deployedAt == null ? "" : " 于 " + TimeText.minutes(deployedAt.toInstant())) + " 发布");
        return TimelineEntry.record(rs.getTimestamp("occurred_at").toInstant(), KIND, actor,
                "由 " + actor + " 从第 " + rs.getInt("from_version") + " 版迁移到第 " + rs.getInt("to_version") + " 版流程",
                versions + "。" + why);
    }

    private static String name(String processName) {
        return processName == null || processName.isBlank() ? "流程" : processName;
    }

    @Override
    public Optional<Long> customerId(String businessKey) {
        return Optional.empty();
    }
}
