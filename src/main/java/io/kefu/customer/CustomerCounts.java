package io.kefu.customer;

import static io.kefu.report.Figures.count;
import static io.kefu.report.Figures.utc;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Customer counts at an instant and over a period, from the customer table and its Envers history: a customer counts
 * from its registration until the first revision that shows it terminated (已解约); prospects never count. The customer
 * feature's read model for reports: its own report, and the complaint report's complaints per customer.
 */
@Component
public class CustomerCounts {

    /** The first time each customer was seen terminated (revtstmp: epoch milliseconds). */
    private static final String TERMINATED = """
            (select a.id, min(r.revtstmp) t from customer_aud a join revinfo r on r.rev = a.rev
             where a.status = 'TERMINATED' group by a.id)""";

    /** type + "/" + tier → count (and stores). */
    public record Counts(Map<String, Long> customers, Map<String, Long> stores) {

        public long total() {
            return customers.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final JdbcTemplate jdbc;

    CustomerCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Customers working with the center at this instant, by type and tier, with their (current) store counts. */
    public Counts activeAt(Instant at) {
        Counts counts = new Counts(new HashMap<>(), new HashMap<>());
        jdbc.query("select c.type, c.tier, count(*), sum(c.store_count) from customer c left join " + TERMINATED
                + " x on x.id = c.id where c.created_at < ? and c.status <> 'PROSPECT' and (x.t is null or x.t >= ?)"
                + " group by c.type, c.tier", rs -> {
                    counts.customers().put(rs.getString(1) + "/" + rs.getString(2), count(rs.getObject(3)));
                    counts.stores().put(rs.getString(1) + "/" + rs.getString(2), count(rs.getObject(4)));
                }, utc(at), at.toEpochMilli());
        return counts;
    }

    /** Customers registered in [start, end), by type and tier. */
    Map<String, Long> registered(Instant start, Instant end) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("select type, tier, count(*) from customer where created_at >= ? and created_at < ?"
                + " and status <> 'PROSPECT' group by type, tier",
                rs -> {
                    counts.put(rs.getString(1) + "/" + rs.getString(2), count(rs.getObject(3)));
                }, utc(start), utc(end));
        return counts;
    }

    /** Customers first seen terminated in [start, end), by type and tier. */
    Map<String, Long> lost(Instant start, Instant end) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("select c.type, c.tier, count(*) from customer c join " + TERMINATED
                + " x on x.id = c.id where x.t >= ? and x.t < ? group by c.type, c.tier",
                rs -> {
                    counts.put(rs.getString(1) + "/" + rs.getString(2), count(rs.getObject(3)));
                }, start.toEpochMilli(), end.toEpochMilli());
        return counts;
    }
}
