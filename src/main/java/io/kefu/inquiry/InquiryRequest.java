package io.kefu.inquiry;

import io.kefu.shared.phone.Phone;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * An inquiry as the agent records it. {@code receivedAt} defaults to now (an agent may log a call afterwards);
 * {@code department} (sales, business, ...) is required when the outcome is REFERRED; {@code customerId} when the
 * caller is an existing customer.
 */
public record InquiryRequest(
        Instant receivedAt,
        @NotNull(message = "请选择咨询渠道") InquiryChannel channel,
        @NotNull(message = "请选择咨询类别") InquiryCategory category,
        @NotBlank(message = "来电人不能为空") @Size(max = 100, message = "来电人最多 100 个字符") String callerName,
        @Phone String callerPhone,
        @Size(max = 100, message = "地区最多 100 个字符") String region,
        Long customerId,
        @NotBlank(message = "咨询内容不能为空") @Size(max = 4000, message = "咨询内容最多 4000 个字符") String summary,
        @NotNull(message = "请选择处理结果") InquiryOutcome outcome,
        @Size(max = 30, message = "部门最多 30 个字符") String department) {
}
