package io.kefu.console;

import io.kefu.identity.CurrentUser;
import io.kefu.model.ModelAccess;
import io.kefu.report.ReportService;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Which console pages the current user may open, for the layout's menu and the start page's cards
 * ({@code ${@consoleMenu.reports()}}). Each answer is the very rule the page's controller enforces, so the menu
 * never offers a page that answers 403.
 */
@Component("consoleMenu")
public class ConsoleMenu {

    /** 月度报表: the rule of {@link ReportService#mayRead}, which the report page and API enforce. */
    public boolean reports() {
        return user() != null && ReportService.mayRead(user());
    }

    /** 流程管理: the rule of {@link ModelAccess#mayOpen}, which the models page and API enforce. */
    public boolean models() {
        return user() != null && ModelAccess.mayOpen(user());
    }

    /** Nobody on an error page rendered before any login: no menu entries to offer. */
    private static CurrentUser user() {
        return SecurityContextHolder.getContext().getAuthentication() == null ? null : CurrentUser.get();
    }
}
