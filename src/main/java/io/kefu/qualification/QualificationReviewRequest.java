package io.kefu.qualification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A qualification review opened by hand: the customer by its code. */
public record QualificationReviewRequest(
        @NotBlank(message = "请填写客户编号") @Size(max = 20, message = "客户编号最多 20 个字符") String customerCode) {
}
