package io.kefu.identity;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The root of Kefu, where a login lands: the hotline's staff (agents, supervisors, managers) start from their home in
 * the console — their cases, what is due and overdue — which links to Tasklist; everyone else opens Tasklist.
 */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        boolean loggedIn = SecurityContextHolder.getContext().getAuthentication() != null
                && SecurityContextHolder.getContext().getAuthentication().isAuthenticated();
        if (loggedIn && CurrentUser.get().isHotlineStaff()) {
            return "redirect:/console";
        }
        return "redirect:/camunda/app/tasklist/";
    }
}
