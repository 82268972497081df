package io.kefu.staffreview;

import io.kefu.identity.CurrentUser;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 员工月度考评 and 违规记录 over HTTP. Managers start reviews ({@code POST /api/staff-reviews}: the staff-review case
 * starts); supervisors and managers record violations. An employee reads their own, managers and auditors read all;
 * for anyone else a record does not exist (404).
 */
@RestController
@RequestMapping("/api")
class StaffReviewController {

    record ReviewRequest(String employee, String month) {
    }

    private final StaffReviewService reviews;
    private final ViolationService violations;

    StaffReviewController(StaffReviewService reviews, ViolationService violations) {
        this.reviews = reviews;
        this.violations = violations;
    }

    @PostMapping("/staff-reviews")
    @Transactional
    ResponseEntity<StaffReviewView> start(@RequestBody ReviewRequest request) {
        StaffReview review = reviews.open(request.employee(), request.month(), CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/staff-reviews/" + review.getId()))
                .body(StaffReviewView.of(review));
    }

    @GetMapping("/staff-reviews/{id}")
    @Transactional(readOnly = true)
    StaffReviewView review(@PathVariable long id) {
        return StaffReviewView.of(reviews.readable(id, CurrentUser.get()));
    }

    @GetMapping("/staff-reviews")
    @Transactional(readOnly = true)
    Page<StaffReviewView> reviews(@RequestParam(required = false) String month,
            @PageableDefault(size = 20, sort = "id", direction = Sort.Direction.DESC) Pageable page) {
        return reviews.search(CurrentUser.get(), month, page).map(StaffReviewView::of);
    }

    @PostMapping("/violations")
    @Transactional
    ResponseEntity<ViolationView> record(@RequestBody ViolationRequest request) {
        StaffViolation violation = violations.record(request, CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/violations/" + violation.getId()))
                .body(ViolationView.of(violation));
    }

    @GetMapping("/violations/{id}")
    @Transactional(readOnly = true)
    ViolationView violation(@PathVariable long id) {
        return ViolationView.of(violations.readable(id, CurrentUser.get()));
    }

    @GetMapping("/violations")
    @Transactional(readOnly = true)
    Page<ViolationView> violations(@RequestParam(required = false) String employee,
            @PageableDefault(size = 20, sort = "id", direction = Sort.Direction.DESC) Pageable page) {
        return violations.search(CurrentUser.get(), employee, page).map(ViolationView::of);
    }
}
