package io.kefu.contract;

import io.kefu.customer.ContractsInForce;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The contract figures of the customer report, from the contract table this feature keeps. */
@Component
class ContractFigures implements ContractsInForce {

    private final JdbcTemplate jdbc;

    ContractFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Contracts in force on the day after the period: activated before it and not terminated by then. */
    @Override
    public Map<String, long[]> byCustomerType(LocalDate from, LocalDate to) {
        LocalDate after = to.plusDays(1);
        Map<String, long[]> counts = new HashMap<>();
        jdbc.query("""
                select type,
                  sum(case when activated_on < ? and (terminated_on is null or terminated_on >= ?) then 1 else 0 end),
                  sum(case when activated_on < ? and (terminated_on is null or terminated_on >= ?) then store_count else 0 end),
                  sum(case when activated_on >= ? and activated_on < ? then 1 else 0 end),
                  sum(case when terminated_on >= ? and terminated_on < ? then 1 else 0 end)
                from contract where activated_on is not null group by type""",
                rs -> {
                    counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5)});
                }, after, after, after, after, from, after, from, after);
        return counts;
    }
}
