package io.kefu.audit;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a kind of case (complaint, contract, archive loan, visit...) tells the audit timeline and the case search about
 * its own record. Each feature implements it as a Spring bean for the process keys it owns; the timeline merges what
 * it returns with the engine's history and the access log.
 * <p>
 * The {@link CaseKeys} methods return SQL subqueries that select business keys (one column) from the feature's own
 * tables, so that the case search filters in the database; {@code null} means "this kind of case cannot tell".
 */
public interface CaseRecordHistory {

    /** Whether this history knows the record behind cases of this process definition key. */
    boolean supports(String processKey);

    /**
     * Every change of the record behind the case (field by field, with who and when — see {@link RecordChanges} for
     * Envers-audited entities), and the events the record keeps itself (deadline breaches, escalations, notes).
     * Personal data is masked in what is returned. Empty when there is no such record.
     */
    List<TimelineEntry> changes(String businessKey);

    /** The same, with coded values shown by the labels the forms give them (the codes kept in each entry's code). */
    default List<TimelineEntry> changes(String businessKey, FormLabels.Options options) {
        return changes(businessKey);
    }

    /** The customer the case is about, if any (the case page links to the customer's page). */
    Optional<Long> customerId(String businessKey);

    /**
     * The customers of many cases at once (business key → customer id), for a page of search results. Histories backed
     * by a table answer with one query; the default asks case by case.
     */
    default Map<String, Long> customerIds(Collection<String> businessKeys) {
        Map<String, Long> ids = new HashMap<>();
        businessKeys.forEach(key -> customerId(key).ifPresent(id -> ids.put(key, id)));
        return ids;
    }

    /** Business keys of this kind's cases about one customer. */
    default CaseKeys keysOfCustomer(long customerId) {
        return null;
    }

    /** Business keys of this kind's cases that missed a deadline. */
    default CaseKeys keysWithBreach() {
        return null;
    }

    /**
     * Business keys of this kind's cases a user may read besides those they worked on (e.g. a complaint's owner and
     * its responsible department). The user's groups are Camunda group ids.
     */
    default CaseKeys keysVisibleTo(String userId, Set<String> groups) {
        return null;
    }

    /**
     * Who the case's record keeps away from the case (被投诉人应当回避): they may neither read its evidence nor add to
     * it, whatever else lets them see the case. Empty when nobody is.
     */
    default Optional<String> recusedUser(String businessKey) {
        return Optional.empty();
    }

    /** A subquery selecting business keys, with its parameters in order. */
    record CaseKeys(String sql, List<Object> params) {

        public static CaseKeys of(String sql, Object... params) {
            return new CaseKeys(sql, List.of(params));
        }
    }
}
