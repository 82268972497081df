package io.kefu.notification;

/** The placeholders every notice may use, whatever process or code sends it. */
public final class NoticePlaceholders {

    /** 客户名称, when the notice concerns a customer (process variable {@code customerId}, or the request's). */
    public static final String CUSTOMER_NAME = "customerName";
    /** 客户编号, e.g. C00012. */
    public static final String CUSTOMER_CODE = "customerCode";
    /** Today in Kefu's time zone, e.g. 2026年11月23日. */
    public static final String TODAY = "today";
    /** The case's business key (case number). */
    public static final String CASE_KEY = "caseKey";
    /** The name of whoever receives the notice: the customer's name, or the staff member's full name. */
    public static final String RECIPIENT_NAME = "recipientName";

    private NoticePlaceholders() {
    }
}
