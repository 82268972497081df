package io.kefu.escalation;

import jakarta.validation.constraints.Size;

/**
 * A matter raised upward: the trigger (one of the mandatory ones), a short subject, what happened, a related case
 * (e.g. a complaint's case number) and whether it is an emergency that skips levels (越级).
 */
public record EscalationRequest(EscalationTrigger trigger,
        @Size(max = 100, message = "事由最多 100 个字符") String subject,
        @Size(max = 4000, message = "情况说明最多 4000 个字符") String details,
        @Size(max = 64, message = "相关案件编号最多 64 个字符") String relatedCase,
        Boolean urgent) {
}
