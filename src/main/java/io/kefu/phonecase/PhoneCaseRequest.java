package io.kefu.phonecase;

import jakarta.validation.constraints.Size;

/**
 * A 个案 as the agent writes it down (时间、地点、人物、事件、联系方式) and the department it goes to. Turning a recorded
 * inquiry into a case, the inquiry's caller, number, region, time and summary stand in for what is left empty.
 */
public record PhoneCaseRequest(
        @Size(max = 100, message = "时间最多 100 个字符") String occurredWhen,
        @Size(max = 200, message = "地点最多 200 个字符") String place,
        @Size(max = 100, message = "人物最多 100 个字符") String person,
        @Size(max = 200, message = "联系方式最多 200 个字符") String contact,
        @Size(max = 4000, message = "事件最多 4000 个字符") String event,
        @Size(max = 30, message = "部门最多 30 个字符") String department,
        @Size(max = 20, message = "客户编号最多 20 个字符") String customerCode) {
}
