package io.kefu.customer;

import io.kefu.shared.phone.Phone;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** What a user sends to register or update a customer. */
public record CustomerRequest(
        @NotBlank(message = "客户名称不能为空") @Size(max = 200, message = "客户名称最多 200 个字符") String name,
        @NotNull(message = "请选择客户类型(AGENT/FRANCHISEE/DEALER/MEMBER)") CustomerType type,
        @NotNull(message = "请选择客户等级(A/B/C)") CustomerTier tier,
        @NotEmpty(message = "至少需要一位联系人") @Size(max = 10, message = "联系人最多 10 位") List<@Valid ContactRequest> contacts,
        @Size(max = 500, message = "地址最多 500 个字符") String address,
        @Size(max = 100, message = "区域最多 100 个字符") String region,
        @Min(value = 0, message = "店数不能为负数") @Max(value = 100000, message = "店数过大") Integer storeCount,
        @Size(max = 64, message = "专员用户名最多 64 个字符") String specialist,
        LocalDate businessStart,
        @Email(message = "电子邮箱格式不正确") @Size(max = 200, message = "电子邮箱最多 200 个字符") String email) {

    /** A customer without an email address: notices go to the first contact's mobile by SMS. */
    public CustomerRequest(String name, CustomerType type, CustomerTier tier, List<ContactRequest> contacts,
            String address, String region, Integer storeCount, String specialist, LocalDate businessStart) {
        this(name, type, tier, contacts, address, region, storeCount, specialist, businessStart, null);
    }

    public record ContactRequest(
            @NotBlank(message = "联系人姓名不能为空") @Size(max = 100, message = "联系人姓名最多 100 个字符") String name,
            @NotBlank(message = "联系电话不能为空")
            @Phone String phone,
            @Size(max = 100, message = "职务最多 100 个字符") String title) {
    }
}
