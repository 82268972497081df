package io.kefu.archive;

/** What an archive file holds. */
public enum ArchiveKind {
    CONTRACT("合同"),
    CUSTOMER_FILE("客户资料"),
    NOTICE("公函通知"),
    OTHER("其他");

    private final String label;

    ArchiveKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
