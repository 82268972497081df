package io.kefu.contract;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** A remark on the way: review and approval opinions, notices sent, open matters settled. */
@Embeddable
public class ContractNote {

    @Column(name = "kind", length = 40, nullable = false)
    private String kind;

    @Column(name = "author", length = 64, nullable = false)
    private String author;

    @Column(name = "text", nullable = false, columnDefinition = "text")
    private String text;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ContractNote() {
    }

    ContractNote(String kind, String author, String text, Instant createdAt) {
        this.kind = kind;
        this.author = author;
        this.text = text;
        this.createdAt = createdAt;
    }

    public String getKind() {
        return kind;
    }

    public String getAuthor() {
        return author;
    }

    public String getText() {
        return text;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
