package io.kefu.supervision;

import java.math.BigDecimal;

/**
 * The service figures of a period as the monthly reports compute them (投诉统计, 热线招商加盟咨询统计, 回访统计, 派工统计):
 * what 业务部 assesses in the 服务监督报告 (服务受理: complaints and inquiries accepted, answered and resolved in time;
 * 主动维护: visits done, visits to the customer's site on time). A rate is null when there was nothing to measure.
 */
public record ServiceFigures(long complaintsReceived, long complaintsClosed, BigDecimal responseOnTime,
        BigDecimal resolutionOnTime, long resolutionBreaches, long inquiries, long inquiriesReferred,
        long inquiriesToCases, long visitsDue, long visitsDone, BigDecimal visitRate, long workOrders,
        BigDecimal dispatchOnTime) {

    /** One technical-service person's week: the work orders given to them and their visits on time. */
    public record Technician(long workOrders, long visitsDue, long visitsOnTime, BigDecimal onTimeRate) {
    }
}
