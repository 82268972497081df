package io.kefu.identity;

import io.kefu.shared.time.Now;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import io.kefu.shared.web.FixedOrderPages;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who read a customer's personal data unmasked, who exported a timeline or a report, and who attached a file to a case
 * or downloaded one (客户的资料 is 机密: access must be traceable). Written in a transaction of its own, so that a read inside a read-only transaction is logged
 * too. Read back into the timeline of the case the access was part of, and into the customer's own list.
 */
@Service
public class DataAccessLog {

    public enum Action {
        READ_PERSONAL_DATA("查阅客户个人资料"),
        EXPORT("导出"),
        ATTACHMENT_UPLOADED("上传附件"),
        ATTACHMENT_DOWNLOADED("下载附件");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One logged access. {@code customerId} and {@code caseKey} are null when the access was not about one. */
    public record Access(Instant at, String username, Action action, Long customerId, String caseKey, String what) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    DataAccessLog(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A user was shown a customer's personal data in full (e.g. a customer record or a complaint's complainant). */
    public void personalDataRead(String username, long customerId, String caseKey, String what) {
        log(username, Action.READ_PERSONAL_DATA, List.of(customerId), caseKey, what);
    }

    /** The same, for a page of records about several customers. */
    public void personalDataRead(String username, Collection<Long> customerIds, String what) {
        log(username, Action.READ_PERSONAL_DATA, customerIds, null, what);
    }

    /** A timeline or report left Kefu as a file. */
    public void exported(String username, Long customerId, String caseKey, String what) {
        log(username, Action.EXPORT, customerId == null ? Collections.singletonList(null) : List.of(customerId),
                caseKey, what);
    }

    /** A file was attached to the case, or one of its attachments was downloaded (evidence is read like a record). */
    public void attachment(String username, Long customerId, String caseKey, boolean uploaded, String what) {
        log(username, uploaded ? Action.ATTACHMENT_UPLOADED : Action.ATTACHMENT_DOWNLOADED,
                customerId == null ? Collections.singletonList(null) : List.of(customerId), caseKey, what);
    }

    private void log(String username, Action action, Collection<Long> customerIds, String caseKey, String what) {
        if (customerIds.isEmpty()) {
            return;
        }
        // UTC wall time, as Hibernate writes Kefu's instants (hibernate.jdbc.time_zone: UTC)
        LocalDateTime now = LocalDateTime.ofInstant(Now.instant(), ZoneOffset.UTC);
        String text = what == null || what.length() <= 200 ? what : what.substring(0, 200);
        ownTransaction.executeWithoutResult(status -> jdbc.batchUpdate("""
                insert into data_access_log (accessed_at, username, action, customer_id, case_key, what)
                values (?, ?, ?, ?, ?, ?)""", customerIds.stream()
                .map(customerId -> new Object[] {now, username, action.name(), customerId, caseKey, text})
                .toList()));
    }

    /** Reads and exports of this case (its timeline, its record, its task cards), oldest first. */
    public List<Access> ofCase(String caseKey) {
        return jdbc.query(SELECT + " where case_key = ? order by accessed_at, id", ACCESS, caseKey);
    }

    /**
     * Reads and exports of this customer's data, newest first, at most {@code limit}: the customer's page lists them,
     * those of its cases with the case they were part of.
     */
    public List<Access> ofCustomer(long customerId, int limit) {
        return jdbc.query(con -> {
            var statement = con.prepareStatement(SELECT + " where customer_id = ? order by accessed_at desc, id desc");
            statement.setLong(1, customerId);
            statement.setMaxRows(limit);
            return statement;
        }, ACCESS);
    }

    /** One page of {@link #ofCustomer(long, int)}: newest first, and how many reads there are in all. */
    public Page<Access> ofCustomer(long customerId, Pageable page) {
        List<Access> rows = jdbc.query(SELECT + " where customer_id = ? order by accessed_at desc, id desc limit ? offset ?",
                ACCESS, customerId, page.getPageSize(), page.getOffset());
        return FixedOrderPages.of(rows, page, () -> jdbc.queryForObject(
                "select count(*) from data_access_log where customer_id = ?", Long.class, customerId));
    }

    private static final String SELECT = "select accessed_at, username, action, customer_id, case_key, what"
            + " from data_access_log";
    private static final RowMapper<Access> ACCESS = (rs, i) -> new Access(
            rs.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getString(2),
            Action.valueOf(rs.getString(3)), rs.getObject(4) == null ? null : rs.getLong(4), rs.getString(5),
            rs.getString(6));
}
