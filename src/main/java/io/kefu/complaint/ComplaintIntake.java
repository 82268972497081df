package io.kefu.complaint;

import io.kefu.shared.phone.Phone;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A complaint as it is taken in (顾客投诉登记表), from the API or from Tasklist's start form. */
public record ComplaintIntake(
        @NotBlank(message = "客户编号不能为空") @Size(max = 20, message = "客户编号最多 20 个字符") String customerCode,
        @NotBlank(message = "投诉人不能为空") @Size(max = 100, message = "投诉人最多 100 个字符") String complainantName,
        @NotBlank(message = "联系电话不能为空")
        @Phone String complainantPhone,
        @NotNull(message = "请选择受理渠道") Channel channel,
        @NotNull(message = "请选择投诉类别") ComplaintCategory category,
        @NotNull(message = "请选择严重程度") Severity severity,
        @NotBlank(message = "投诉内容不能为空") @Size(max = 4000, message = "投诉内容最多 4000 个字符") String description,
        @Size(max = 2000, message = "客户诉求最多 2000 个字符") String customerRequest,
        @Size(max = 64, message = "被投诉员工用户名最多 64 个字符") String complainedEmployee) {
}
