package io.kefu.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Something a person said on a case: an instruction (批示), an escalation note (督办意见), a customer's words, a review or
 * approval opinion, a notice sent, an open matter settled. Complaints, contracts and visits keep theirs in a table each.
 */
@Embeddable
public class CaseNote {

    @Column(name = "kind", length = 40, nullable = false)
    private String kind;

    @Column(name = "author", length = 64, nullable = false)
    private String author;

    @Column(name = "text", nullable = false, columnDefinition = "text")
    private String text;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CaseNote() {
    }

    public CaseNote(String kind, String author, String text, Instant createdAt) {
        this.kind = kind;
        this.author = author;
        this.text = text;
        this.createdAt = createdAt;
    }

    /**
     * The label of a stored kind, from the feature's enum of note kinds (one label per kind wherever a note is shown);
     * {@code fallback} for a kind the enum does not (or no longer) know.
     */
    public static <K extends Enum<K>> String labelOf(Class<K> kinds, String stored, Function<K, String> label,
            String fallback) {
        return Arrays.stream(kinds.getEnumConstants()).filter(k -> k.name().equals(stored)).findFirst().map(label)
                .orElse(fallback);
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
