package io.kefu.dispatch;

import jakarta.validation.constraints.Size;

/**
 * A work order as customer service writes it down: the customer by its code, the contact on site (联系人、联系方式、
 * 地址), the product (商品型号、购买日期), the fault for a repair, the vehicle and driver details for an installation,
 * and the appointment the customer asked for (预约上门时间, {@code yyyy-MM-ddTHH:mm}, the service center's time).
 */
public record WorkOrderRequest(
        WorkOrderKind kind,
        @Size(max = 20, message = "客户编号最多 20 个字符") String customerCode,
        @Size(max = 100, message = "联系人最多 100 个字符") String contactName,
        @Size(max = 50, message = "联系方式最多 50 个字符") String contactPhone,
        @Size(max = 300, message = "地址最多 300 个字符") String address,
        @Size(max = 100, message = "商品型号最多 100 个字符") String productModel,
        @Size(max = 10, message = "购买日期格式为 yyyy-MM-dd") String purchaseDate,
        @Size(max = 4000, message = "故障现象最多 4000 个字符") String fault,
        @Size(max = 4000, message = "安装车辆明细最多 4000 个字符") String vehicleDetails,
        @Size(max = 4000, message = "司机信息最多 4000 个字符") String driverDetails,
        @Size(max = 16, message = "预约上门时间格式为 yyyy-MM-ddTHH:mm") String appointmentAt) {
}
