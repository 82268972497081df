package io.kefu.identity;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Kefu's own login page for the console and the API in a browser, in Simplified Chinese (Spring's default page is
 * English). Spring Security still checks the password on {@code POST /login} and returns to the page asked for;
 * {@code ?error} and {@code ?logout} are the parameters it adds. Tasklist, Cockpit and Admin keep Camunda's login.
 */
@Controller
class LoginPage {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
