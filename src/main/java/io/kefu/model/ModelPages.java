package io.kefu.model;

import io.kefu.identity.CurrentUser;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's process-redesign page ({@code /console/models}): what runs, upload with validation, diagram, diff
 * and migration. The page calls {@code /api/models}; only managers and administrators see the deploy and migrate
 * buttons (the API refuses everyone else anyway).
 */
@Controller
class ModelPages {

    @GetMapping("/console/models")
    String models(Model model) {
        CurrentUser user = CurrentUser.get();
        if (!ModelAccess.mayOpen(user)) {
            throw new AccessDeniedException("models are for supervisors, managers and auditors");
        }
        model.addAttribute("nav", "models");
        model.addAttribute("libs", List.of("bpmn"));
        model.addAttribute("mayDeploy", ModelDeployments.mayDeploy(user));
        return "console/models";
    }
}
