package io.kefu.visit;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** Something said or decided on a visit: a reschedule and its reason, a plan approval, an escalation, a cancellation. */
@Embeddable
public class VisitNote {

    @Column(name = "kind", length = 40, nullable = false)
    private String kind;

    @Column(name = "author", length = 64, nullable = false)
    private String author;

    @Column(name = "text", nullable = false, columnDefinition = "text")
    private String text;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected VisitNote() {
    }

    VisitNote(String kind, String author, String text, Instant createdAt) {
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

    public String label() {
        return switch (kind) {
            case "RESCHEDULED" -> "改约";
            case "PLAN_SUBMITTED" -> "拜访计划";
            case "PLAN_MANAGER" -> "客服经理审核";
            case "PLAN_LEADER" -> "分管领导审核";
            case "ESCALATED" -> "主管督办";
            case "CANCELLED" -> "取消";
            default -> "备注";
        };
    }
}
