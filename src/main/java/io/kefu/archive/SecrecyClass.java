package io.kefu.archive;

/**
 * Secrecy class of an archive file (R2). Contracts and agreements are 秘密; customer data is 机密 and is never lent
 * out, only read in the archive room.
 */
public enum SecrecyClass {
    ORDINARY("普通"),
    SECRET("秘密"),
    CLASSIFIED("机密");

    private final String label;

    SecrecyClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
