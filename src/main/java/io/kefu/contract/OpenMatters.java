package io.kefu.contract;

import java.util.List;

/** What must be settled before a contract ends: open complaints, archive files on loan, unpaid items (entered). */
public record OpenMatters(List<String> openComplaints, List<String> openLoans, String unpaidItems) {

    public boolean isEmpty() {
        return openComplaints.isEmpty() && openLoans.isEmpty() && (unpaidItems == null || unpaidItems.isBlank());
    }
}
