package io.kefu.escalation;

import io.kefu.identity.CurrentUser;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 请示报告: every member of staff raises a report ({@code POST /api/escalation-reports}; the escalation-report case
 * starts) and reads their own; supervisors, managers, directors and auditors read all.
 */
@RestController
@RequestMapping("/api/escalation-reports")
class EscalationController {

    private final EscalationService reports;

    EscalationController(EscalationService reports) {
        this.reports = reports;
    }

    @PostMapping
    @Transactional
    ResponseEntity<EscalationView> raise(@Valid @RequestBody EscalationRequest request) {
        EscalationReport report = reports.open(request, CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/escalation-reports/" + report.getId())).body(view(report));
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    EscalationView get(@PathVariable long id) {
        return view(reports.readable(id, CurrentUser.get()));
    }

    @GetMapping
    @Transactional(readOnly = true)
    Page<EscalationView> search(@PageableDefault(size = 20, sort = "id", direction = Sort.Direction.DESC)
            Pageable page) {
        return reports.search(CurrentUser.get(), page).map(this::view);
    }

    private EscalationView view(EscalationReport report) {
        return EscalationView.of(report, reports.instructions(report.getId()),
                reports.breach(report.getId()).orElse(null));
    }
}
