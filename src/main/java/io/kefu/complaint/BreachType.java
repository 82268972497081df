package io.kefu.complaint;

/** The deadlines a complaint can miss. */
public enum BreachType {
    RESPONSE("响应超时"),
    RESOLUTION("解决超时"),
    RETURN_VISIT("回访超时");

    private final String label;

    BreachType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
