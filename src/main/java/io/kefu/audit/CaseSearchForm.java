package io.kefu.audit;

import static io.kefu.shared.FieldErrors.blankToNull;
import static io.kefu.shared.FieldErrors.failOn;
import io.kefu.customer.CustomerDetails;
import io.kefu.customer.CustomerService;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The case search as a user types it (API query parameters and the console's search form): every field optional.
 * {@code customer} is a customer number (C00012) or id; {@code status} is {@code open} or {@code closed}.
 */
public record CaseSearchForm(String type, String customer, String from, String to, String participant, String status,
        Boolean breach) {

    public static CaseSearchForm empty() {
        return new CaseSearchForm(null, null, null, null, null, null, null);
    }

    /** The search as the directory runs it; every bad field named (400). */
    public CaseDirectory.Filter toFilter(CustomerService customers) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate fromDate = date("from", from, errors);
        LocalDate toDate = date("to", to, errors);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            errors.put("to", "结束日期不能早于开始日期");
        }
        Boolean open = null;
        if (status != null && !status.isBlank()) {
            switch (status.trim()) {
                case "open" -> open = true;
                case "closed" -> open = false;
                default -> errors.put("status", "状态只能是 open(办理中)或 closed(已结束)");
            }
        }
        Long customerId = null;
        if (customer != null && !customer.isBlank()) {
            customerId = customerId(customers, customer.trim(), errors);
        }
        failOn(errors);
        return new CaseDirectory.Filter(blankToNull(type), customerId, fromDate, toDate, blankToNull(participant), open,
                breach);
    }

    private static Long customerId(CustomerService customers, String customer, Map<String, String> errors) {
        try {
            CustomerDetails found = customer.matches("[0-9]{1,18}") ? customers.find(Long.parseLong(customer))
                    : customers.findByCode(customer.toUpperCase());
            return found.id();
        } catch (NotFoundException | InvalidInputException e) {
            errors.put("customer", "客户 " + customer + " 不存在");
            return null;
        }
    }

    private static LocalDate date(String field, String value, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.put(field, "日期格式应为 yyyy-MM-dd");
            return null;
        }
    }
}
