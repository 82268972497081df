package io.kefu.visit;

import io.kefu.complaint.Satisfaction;
import io.kefu.console.CustomerSection;
import io.kefu.customer.CustomerService;
import io.kefu.identity.CurrentUser;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The customer's visits and surveys on the customer 360 page, newest first. */
@Component
class VisitCustomerSection implements CustomerSection {

    private static final int SHOWN = 50;

    private final JdbcTemplate jdbc;
    private final CustomerService customers;

    VisitCustomerSection(JdbcTemplate jdbc, CustomerService customers) {
        this.jdbc = jdbc;
        this.customers = customers;
    }

    @Override
    public String title() {
        return "回访与调查";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Section of(long customerId, CurrentUser user) {
        List<String> columns = List.of("回访编号", "类型", "状态", "应访日期", "回访人", "满意度", "超期");
        if (!CustomerSection.servesCustomer(customers, customerId, user)) {
            return new Section(columns, List.of());
        }
        List<Row> rows = jdbc.query("""
                select visit_no, kind, status, due_date, visitor_id, satisfaction, overdue
                from visit where customer_id = ? order by due_date desc, id desc limit ?""", (rs, i) -> new Row(
                Arrays.asList(rs.getString(1), VisitKind.valueOf(rs.getString(2)).label(),
                        VisitStatus.valueOf(rs.getString(3)).label(), rs.getString(4),
                        rs.getString(5) == null ? "—" : rs.getString(5),
                        rs.getString(6) == null ? "—" : Satisfaction.valueOf(rs.getString(6)).label(),
                        rs.getBoolean(7) ? "超期" : ""), rs.getString(1)), customerId, SHOWN);
        return new Section(columns, rows);
    }
}
