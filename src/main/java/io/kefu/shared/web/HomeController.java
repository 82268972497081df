package io.kefu.shared.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The root of Kefu opens the agents' work list. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "redirect:/camunda/app/tasklist/";
    }
}
