package io.kefu.complaint;

/** The return-visit scale of the rulebooks: 满意 / 一般 / 不满意. */
public enum Satisfaction {
    SATISFIED("满意"),
    NEUTRAL("一般"),
    DISSATISFIED("不满意");

    private final String label;

    Satisfaction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
