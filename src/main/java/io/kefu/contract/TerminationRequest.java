package io.kefu.contract;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A request to end a contract (解约): who asks, and why. */
public record TerminationRequest(
        @NotNull(message = "请选择解约提出方(CUSTOMER/COMPANY)") TerminationParty requestedBy,
        @NotBlank(message = "请填写解约原因") @Size(max = 2000, message = "解约原因最多 2000 个字符") String reason) {
}
