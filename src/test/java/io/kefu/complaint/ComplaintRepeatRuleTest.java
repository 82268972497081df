package io.kefu.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.kefu.complaint.ComplaintService.Classification;
import io.kefu.complaint.ComplaintService.ClassificationOutcome;
import io.kefu.customer.Customer;
import io.kefu.shared.time.BusinessCalendar;
import io.kefu.shared.time.WorkingHours;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The repeat-complaint rules of {@link ComplaintService#classify}, on their own: the suite's shared database collects
 * complaints of every category, so the category-wide rule is switched off in the test profile and checked here
 * against a repository that answers the counts.
 */
class ComplaintRepeatRuleTest {

    static final long CUSTOMER_ID = 7L;
    static final long COMPLAINT_ID = 42L;

    final ComplaintRepository repository = mock(ComplaintRepository.class);
    final BusinessCalendar calendar = new BusinessCalendar(
            new WorkingHours(ZoneId.of("Asia/Shanghai"), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                    LocalTime.of(9, 0), LocalTime.of(18, 0), List.of()),
            Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC));
    final ComplaintSettings settings = new ComplaintSettings(3, new ComplaintSettings.Repeat(90, 5, 7));
    final ComplaintService service = new ComplaintService(repository, null, calendar, settings, null, null, null,
            event -> { }, null);
    final Classification p3 = new Classification("P3", 8, 40, false, false);

    Complaint complaint;

    @BeforeEach
    void aComplaintComesIn() {
        complaint = new Complaint(CUSTOMER_ID, "张三", "13812345678", Channel.HOTLINE, ComplaintCategory.DELIVERY,
                Severity.MINOR, "送货延误", null, null, "agent");
        complaint.touch();
        ReflectionTestUtils.setField(complaint, "id", COMPLAINT_ID);
        when(repository.findById(COMPLAINT_ID)).thenReturn(Optional.of(complaint));
    }

    @Test
    void theCustomersSecondComplaintOfACategoryWithinTheWindowIsARepeat() {
        Instant since = complaint.getCreatedAt().minus(90, ChronoUnit.DAYS);
        when(repository.countSameCustomerAndCategorySince(CUSTOMER_ID, ComplaintCategory.DELIVERY, COMPLAINT_ID, since))
                .thenReturn(1L);

        ClassificationOutcome outcome = service.classify(COMPLAINT_ID, p3);

        assertThat(outcome.repeatComplaint()).isTrue();
        assertThat(complaint.isRepeatComplaint()).isTrue();
        assertThat(complaint.getRepeatReason()).isEqualTo("同一客户 90 天内第 2 次投诉「配送物流」");
        verify(repository, never()).countCategorySince(any(), any());
    }

    @Test
    void theComplaintThatReachesTheCategoryThresholdWithinThePeriodIsARepeat() {
        when(repository.countCategorySince(ComplaintCategory.DELIVERY, complaint.getCreatedAt().minus(7, ChronoUnit.DAYS)))
                .thenReturn(5L);

        ClassificationOutcome outcome = service.classify(COMPLAINT_ID, p3);

        assertThat(outcome.repeatComplaint()).isTrue();
        assertThat(complaint.getRepeatReason()).isEqualTo("7 天内「配送物流」类投诉已达 5 起(多发的同类投诉)");
    }

    @Test
    void fewerComplaintsOfTheCategoryAreNoRepeat() {
        when(repository.countCategorySince(eq(ComplaintCategory.DELIVERY), any())).thenReturn(4L);

        ClassificationOutcome outcome = service.classify(COMPLAINT_ID, p3);

        assertThat(outcome.repeatComplaint()).isFalse();
        assertThat(complaint.isRepeatComplaint()).isFalse();
        assertThat(complaint.getRepeatReason()).isNull();
        verify(repository).countSameCustomerAndCategorySince(eq(CUSTOMER_ID), eq(ComplaintCategory.DELIVERY),
                eq(COMPLAINT_ID), any());
    }

    @Test
    void classificationSetsTheDeadlinesOnWorkingHoursFromTheMomentTheComplaintCameIn() {
        when(repository.countSameCustomerAndCategorySince(anyLong(), any(), anyLong(), any())).thenReturn(0L);

        ClassificationOutcome outcome = service.classify(COMPLAINT_ID, p3);

        // to the whole second, as MySQL keeps them
        Instant cameIn = complaint.getCreatedAt().truncatedTo(ChronoUnit.SECONDS);
        assertThat(outcome.responseDue())
                .isEqualTo(calendar.addWorkingTime(cameIn, Duration.ofHours(8)))
                .isEqualTo(complaint.getResponseDue());
        assertThat(outcome.resolutionDue())
                .isEqualTo(calendar.addWorkingTime(cameIn, Duration.ofHours(40)))
                .isEqualTo(complaint.getResolutionDue());
        assertThat(complaint.getPriority()).isEqualTo("P3");
    }
}
