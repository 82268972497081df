package io.kefu.archive;

import io.kefu.console.CustomerSection;
import io.kefu.customer.CustomerService;
import io.kefu.identity.CurrentUser;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The customer's archive files (电子目录) on the customer 360 page: where each is, and whether it is out on loan. */
@Component
class ArchiveCustomerSection implements CustomerSection {

    private final JdbcTemplate jdbc;
    private final CustomerService customers;

    ArchiveCustomerSection(JdbcTemplate jdbc, CustomerService customers) {
        this.jdbc = jdbc;
        this.customers = customers;
    }

    @Override
    public String title() {
        return "档案";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Section of(long customerId, CurrentUser user) {
        List<String> columns = List.of("档案号", "题名", "类别", "密级", "状态", "存放位置");
        if (!CustomerSection.servesCustomer(customers, customerId, user)) {
            return new Section(columns, List.of());
        }
        List<Row> rows = jdbc.query("""
                select archive_no, title, kind, secrecy, status, location from archive_entry
                where customer_id = ? order by id desc""", (rs, i) -> new Row(Arrays.asList(rs.getString(1),
                rs.getString(2), ArchiveKind.valueOf(rs.getString(3)).label(),
                SecrecyClass.valueOf(rs.getString(4)).label(), ArchiveStatus.valueOf(rs.getString(5)).label(),
                rs.getString(6)), null), customerId);
        return new Section(columns, rows);
    }
}
