package io.kefu.task;

import io.kefu.customer.CustomerDetails;
import io.kefu.customer.CustomerType;
import io.kefu.customer.PersonalData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The small display variables a case carries for Tasklist's cards and search (the shipped filters list them, see
 * {@code KefuAuthorizations}): written once when the case is registered, never personal data — a natural person is
 * shown by customer code and masked name, subjects are short and carry no numbers that could be a phone.
 */
public final class TaskCards {

    public static final String CASE_NO = "caseNo";
    public static final String CUSTOMER_NAME = "customerName";
    /** The customer's code (C00012): not personal data, and what Tasklist's search finds a customer's tasks by. */
    public static final String CUSTOMER_CODE = "customerCode";
    public static final String SUBJECT = "subject";
    public static final String PRIORITY_LABEL = "priorityLabel";
    /** What every card shows, in this order (the shipped filters list them with their labels). */
    public static final List<String> CARD_VARIABLES = List.of(CASE_NO, CUSTOMER_NAME, CUSTOMER_CODE, SUBJECT,
            PRIORITY_LABEL);
    /** The case owner's login (首问负责人), for the 我负责的案件 filter; the case record stays the authority. */
    public static final String OWNER_ID = "ownerId";

    static final int MAX_SUBJECT = 30;
    /** Five digits or more in a row (spaces and dashes between them allowed): could be a phone number. */
    private static final Pattern NUMBER_RUN = Pattern.compile("[0-9](?:[ -]?[0-9]){4,}");

    /** The variables of a case's card: case number, customer (name and code) and subject. */
    public static Map<String, Object> of(String caseNo, CustomerDetails customer, String subject) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(CASE_NO, caseNo);
        variables.put(CUSTOMER_NAME, customer == null ? null : customerName(customer));
        variables.put(CUSTOMER_CODE, customer == null ? null : customer.code());
        variables.put(SUBJECT, subject(subject));
        return variables;
    }

    /** A company or store by its name; a member customer (a natural person) by code and masked name. */
    public static String customerName(CustomerDetails customer) {
        if (customer.type() == CustomerType.MEMBER) {
            return customer.code() + " " + PersonalData.maskName(customer.name());
        }
        return customer.name();
    }

    /** A subject fit for a card: one line, at most {@value #MAX_SUBJECT} characters, no long digit runs. */
    public static String subject(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String line = NUMBER_RUN.matcher(text.strip().replaceAll("\\s+", " ")).replaceAll("***");
        return line.length() <= MAX_SUBJECT ? line : line.substring(0, MAX_SUBJECT - 1) + "…";
    }

    private TaskCards() {
    }
}
