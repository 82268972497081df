package io.kefu.shared.web;

import io.kefu.shared.InvalidInputException;
import java.util.List;
import java.util.function.LongSupplier;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.support.PageableExecutionUtils;

/**
 * Pages of a list read with plain SQL in one fixed order (a log, newest first): the request's {@code page} and
 * {@code size} (checked by {@link PagingParameters}) apply, a {@code sort} the list does not offer is a 400 naming it.
 */
public final class FixedOrderPages {

    private FixedOrderPages() {
    }

    /** The page as asked for; 400 naming {@code sort} when the client asked for an order the list does not have. */
    public static Pageable requireUnsorted(Pageable page, String order) {
        if (page.getSort().isSorted()) {
            throw InvalidInputException.of("sort", "此列表固定按" + order + "排列,不能另行排序");
        }
        return page;
    }

    /**
     * The page's rows with the total; {@code total} runs only when the rows do not tell it already (a first page that
     * is not full, or a last page).
     */
    public static <T> Page<T> of(List<T> rows, Pageable page, LongSupplier total) {
        return PageableExecutionUtils.getPage(rows, page, total);
    }
}
