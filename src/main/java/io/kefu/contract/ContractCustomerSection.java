package io.kefu.contract;

import io.kefu.console.CustomerSection;
import io.kefu.customer.CustomerService;
import io.kefu.customer.CustomerType;
import io.kefu.identity.CurrentUser;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The customer's contracts on the customer 360 page (合同 is 秘密: for those who serve the customer). */
@Component
class ContractCustomerSection implements CustomerSection {

    private final JdbcTemplate jdbc;
    private final CustomerService customers;

    ContractCustomerSection(JdbcTemplate jdbc, CustomerService customers) {
        this.jdbc = jdbc;
        this.customers = customers;
    }

    @Override
    public String title() {
        return "合同";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Section of(long customerId, CurrentUser user) {
        List<String> columns = List.of("合同编号", "类型", "状态", "门店", "店数", "合同期", "档案号");
        if (!CustomerSection.servesCustomer(customers, customerId, user)) {
            return new Section(columns, List.of());
        }
        List<Row> rows = jdbc.query("""
                select contract_no, type, status, store_name, store_count, term_start, term_end, archive_no
                from contract where customer_id = ? order by id desc""", (rs, i) -> new Row(Arrays.asList(
                rs.getString(1), CustomerType.valueOf(rs.getString(2)).label(),
                ContractStatus.valueOf(rs.getString(3)).label(), rs.getString(4), rs.getInt(5),
                (rs.getObject(6) == null ? "—" : rs.getString(6)) + " 至 " + (rs.getObject(7) == null ? "—" : rs.getString(7)),
                rs.getString(8)), rs.getString(1)), customerId);
        return new Section(columns, rows);
    }
}
