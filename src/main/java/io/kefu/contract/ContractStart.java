package io.kefu.contract;

import io.kefu.customer.CustomerTier;
import io.kefu.customer.CustomerType;
import io.kefu.shared.phone.Phone;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What starts an onboarding: an existing prospect ({@code customerCode}, a customer in status 潜在客户), or a new
 * prospect's data, registered in the customer registry. {@code type} is the contract type and must match the
 * customer's type (代理/加盟/经销).
 */
public record ContractStart(
        @Size(max = 20, message = "客户编号最多 20 个字符") String customerCode,
        @NotNull(message = "请选择合同类型(AGENT/FRANCHISEE/DEALER)") CustomerType type,
        @Size(max = 200, message = "客户名称最多 200 个字符") String name,
        CustomerTier tier,
        @Size(max = 100, message = "联系人姓名最多 100 个字符") String contactName,
        @Phone String contactPhone,
        @Size(max = 500, message = "地址最多 500 个字符") String address,
        @Size(max = 100, message = "区域最多 100 个字符") String region) {

    boolean forExistingCustomer() {
        return customerCode != null && !customerCode.isBlank();
    }
}
