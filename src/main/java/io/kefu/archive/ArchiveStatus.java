package io.kefu.archive;

/** Where an archive file stands. An entry is never deleted: a destroyed file keeps its catalogue row. */
public enum ArchiveStatus {
    ON_FILE("在档"),
    ON_LOAN("借出"),
    TERMINATED_CONTRACT("合同已解除"),
    PENDING_DESTRUCTION("待销毁"),
    DESTROYED("已销毁");

    private final String label;

    ArchiveStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
