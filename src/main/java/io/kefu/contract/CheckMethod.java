package io.kefu.contract;

/** How the prospect was investigated during the qualification review (实地考察 or 第三方评估). */
public enum CheckMethod {
    ON_SITE("实地考察"),
    THIRD_PARTY("第三方评估");

    private final String label;

    CheckMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
