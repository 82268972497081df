package io.kefu.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's start page. Each console page is a {@code @Controller} method under {@code /console/...} that returns
 * a template in {@code templates/console/} built on {@code console/layout.html}, and gets a line in the layout's nav.
 */
@Controller
class ConsoleController {

    @GetMapping({"/console", "/console/"})
    String index() {
        return "console/index";
    }
}
