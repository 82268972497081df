package io.kefu.model;

import io.kefu.shared.time.Now;
import java.sql.Timestamp;
import java.time.Instant;
import io.kefu.shared.web.FixedOrderPages;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail of process redesign (tables of V7): deployments, refused attempts, migrations and the cases moved.
 * Plain JDBC, because it is written from inside engine commands — also while the engine deploys Kefu's own models at
 * start-up, before JPA repositories are wanted.
 */
@Component
class ModelAuditLog {

    enum Outcome { DEPLOYED, REFUSED }

    /** Who acts when nobody is logged in: the start-up auto-deployment. */
    static final String SYSTEM = "system";

    private final ObjectProvider<JdbcTemplate> jdbc;
    private final ObjectProvider<PlatformTransactionManager> transactions;

    ModelAuditLog(ObjectProvider<JdbcTemplate> jdbc, ObjectProvider<PlatformTransactionManager> transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** In the caller's transaction: a deployment rolled back leaves no trace of having succeeded. */
    void deployed(String actor, String source, String name, String deploymentId, ValidationReport report) {
        insertDeployment(actor, Outcome.DEPLOYED, source, name, deploymentId, report);
    }

    /** In a transaction of its own: the refused attempt stays on record although the deployment is rolled back. */
    void refused(String actor, String source, String name, ValidationReport report) {
        TransactionTemplate own = new TransactionTemplate(transactions.getObject());
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        own.executeWithoutResult(status -> insertDeployment(actor, Outcome.REFUSED, source, name, null, report));
    }

    /** A refusal for lack of permission, with no validation to speak of. */
    void refusedUnauthorized(String actor, String source, String reason) {
        TransactionTemplate own = new TransactionTemplate(transactions.getObject());
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        own.executeWithoutResult(status -> jdbc.getObject().update("insert into model_deployment (occurred_at, actor,"
                        + " outcome, source, name, deployment_id, resources, problem_count, summary)"
                        + " values (?, ?, ?, ?, ?, null, ?, 0, ?)",
                Timestamp.from(Now.instant()), actor, Outcome.REFUSED.name(), truncate(source, 100), null, "", reason));
    }

    private void insertDeployment(String actor, Outcome outcome, String source, String name, String deploymentId,
            ValidationReport report) {
        jdbc.getObject().update("insert into model_deployment (occurred_at, actor, outcome, source, name, deployment_id,"
                        + " resources, problem_count, summary) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Timestamp.from(Now.instant()), actor, outcome.name(), truncate(source, 100), truncate(name, 255),
                deploymentId, String.join("\n", report.resources()), report.problems().size(), report.summary());
    }

    long migrated(String actor, MigrationRecord migration, List<MigratedCase> cases) {
        var keys = new GeneratedKeyHolder();
        jdbc.getObject().update(connection -> {
            var statement = connection.prepareStatement("insert into model_migration (occurred_at, actor, process_key,"
                    + " from_definition_id, from_version, to_definition_id, to_version, instance_count, batch_id)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            statement.setTimestamp(1, Timestamp.from(Now.instant()));
            statement.setString(2, actor);
            statement.setString(3, migration.processKey());
            statement.setString(4, migration.fromDefinitionId());
            statement.setInt(5, migration.fromVersion());
            statement.setString(6, migration.toDefinitionId());
            statement.setInt(7, migration.toVersion());
            statement.setInt(8, cases.size());
            statement.setString(9, migration.batchId());
            return statement;
        }, keys);
        long id = keys.getKey().longValue();
        for (MigratedCase moved : cases) {
            jdbc.getObject().update("insert into model_migrated_case (migration_id, process_instance_id, business_key)"
                    + " values (?, ?, ?)", id, moved.processInstanceId(), moved.businessKey());
        }
        return id;
    }

    record MigrationRecord(String processKey, String fromDefinitionId, int fromVersion, String toDefinitionId,
            int toVersion, String batchId) {
    }

    record MigratedCase(String processInstanceId, String businessKey) {
    }

    /** A deployment or a refused attempt, as the audit list shows it. */
    record DeploymentEntry(long id, Instant occurredAt, String actor, String outcome, String source, String name,
            String deploymentId, List<String> resources, int problemCount, String summary) {
    }

    /** A migration, with the cases it moved. */
    record MigrationEntry(long id, Instant occurredAt, String actor, String processKey, int fromVersion, int toVersion,
            String fromDefinitionId, String toDefinitionId, List<String> processInstanceIds) {
    }

    /** Every page at once, for Kefu's own readers (the catalogue, a case's migrations) that need the whole log. */
    static final Pageable ALL = org.springframework.data.domain.PageRequest.of(0, Integer.MAX_VALUE);

    /** One page of the deployment log, newest first. */
    Page<DeploymentEntry> deployments(Pageable page) {
        List<DeploymentEntry> rows = jdbc.getObject().query("select * from model_deployment order by id desc"
                + " limit ? offset ?", ModelAuditLog::deploymentEntry, page.getPageSize(), page.getOffset());
        return FixedOrderPages.of(rows, page,
                () -> jdbc.getObject().queryForObject("select count(*) from model_deployment", Long.class));
    }

    private static DeploymentEntry deploymentEntry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new DeploymentEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                rs.getString("outcome"), rs.getString("source"), rs.getString("name"), rs.getString("deployment_id"),
                lines(rs.getString("resources")), rs.getInt("problem_count"), rs.getString("summary"));
    }

    /** One page of the migration log, newest first, optionally one process's or one case's. */
    Page<MigrationEntry> migrations(String processKey, String processInstanceId, Pageable page) {
        StringBuilder sql = new StringBuilder(" from model_migration m where 1 = 1");
        List<Object> args = new java.util.ArrayList<>();
        if (processKey != null) {
            sql.append(" and m.process_key = ?");
            args.add(processKey);
        }
        if (processInstanceId != null) {
            sql.append(" and exists (select 1 from model_migrated_case c where c.migration_id = m.id"
                    + " and c.process_instance_id = ?)");
            args.add(processInstanceId);
        }
        Object[] filter = args.toArray();
        args.add(page.getPageSize());
        args.add(page.getOffset());
        List<MigrationEntry> rows = jdbc.getObject().query("select *" + sql + " order by m.id desc limit ? offset ?",
                (rs, i) -> {
            long id = rs.getLong("id");
            return new MigrationEntry(id, rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                    rs.getString("process_key"), rs.getInt("from_version"), rs.getInt("to_version"),
                    rs.getString("from_definition_id"), rs.getString("to_definition_id"),
                    jdbc.getObject().queryForList("select process_instance_id from model_migrated_case"
                            + " where migration_id = ? order by process_instance_id", String.class, id));
        }, args.toArray());
        return FixedOrderPages.of(rows, page,
                () -> jdbc.getObject().queryForObject("select count(*)" + sql, Long.class, filter));
    }

    private static List<String> lines(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.split("\n"));
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
