package io.kefu.complaint;

import io.kefu.shared.time.TimeText;
import io.kefu.console.CustomerSection;
import io.kefu.identity.CurrentUser;
import java.util.Arrays;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The customer's complaints on the customer 360 page, newest first, as the user may see them. */
@Component
class ComplaintCustomerSection implements CustomerSection {

    private static final int SHOWN = 50;

    private final ComplaintService complaints;

    ComplaintCustomerSection(ComplaintService complaints) {
        this.complaints = complaints;
    }

    @Override
    public String title() {
        return "投诉";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    @Transactional(readOnly = true)
    public Section of(long customerId, CurrentUser user) {
        ComplaintSearch search = new ComplaintSearch(null, customerId, null, null, null, null, null, null);
        ComplaintSearch scoped = ComplaintController.seesAll(user) ? search
                : search.restrictedTo(user.id(), ComplaintController.departments(user));
        List<Row> rows = complaints.search(scoped, PageRequest.of(0, SHOWN, Sort.by(Sort.Direction.DESC, "id")))
                .map(c -> new Row(Arrays.asList(c.getCaseNo(), TimeText.minutes(c.getCreatedAt()), c.getCategory().label(),
                        c.getSeverity().label(), c.getStatus().label(),
                        c.getSatisfaction() == null ? "—" : c.getSatisfaction().label(), c.getOwnerId(),
                        c.getBreaches().isEmpty() ? "" : "超时 " + c.getBreaches().size() + " 次"), c.getCaseNo()))
                .getContent();
        return new Section(List.of("投诉编号", "受理时间", "类别", "严重程度", "状态", "满意度", "首问负责人", "超时"), rows);
    }
}
