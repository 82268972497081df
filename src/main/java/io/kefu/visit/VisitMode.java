package io.kefu.visit;

/** By phone (电话/电邮/短信) or in person (外出客服, a field visit that may need an approved plan). */
public enum VisitMode {
    PHONE("电话回访"),
    FIELD("上门拜访");

    private final String label;

    VisitMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
