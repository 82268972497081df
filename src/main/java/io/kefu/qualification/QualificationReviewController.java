package io.kefu.qualification;

import io.kefu.customer.CustomerDetails;
import io.kefu.customer.CustomerService;
import io.kefu.identity.CurrentUser;
import java.net.URI;
import java.util.Map;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 资质审核: {@code POST /api/qualification-reviews} opens a review of a customer now and starts its process (业务部,
 * supervisors, managers); {@code GET /api/qualification-reviews} and {@code /{id}} read them — 业务部, supervisors,
 * managers and auditors every review, anyone else the reviews they took part in.
 */
@RestController
class QualificationReviewController {

    private final QualificationService service;
    private final CustomerService customers;

    QualificationReviewController(QualificationService service, CustomerService customers) {
        this.service = service;
        this.customers = customers;
    }

    /** Who may open a review is checked first (403), then the request (400 naming the field), as everywhere in the API. */
    @PostMapping("/api/qualification-reviews")
    @Transactional
    ResponseEntity<QualificationReviewView> start(
            @RequestBody(required = false) QualificationReviewRequest request) {
        QualificationReview review = service.start(request, CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/qualification-reviews/" + review.getId()))
                .body(QualificationReviewView.of(review, service.customerOf(review).code()));
    }

    @GetMapping("/api/qualification-reviews/{id}")
    @Transactional(readOnly = true)
    QualificationReviewView get(@PathVariable long id) {
        QualificationReview review = service.readable(id, CurrentUser.get());
        return QualificationReviewView.of(review, service.customerOf(review).code());
    }

    @GetMapping("/api/qualification-reviews")
    @Transactional(readOnly = true)
    Page<QualificationReviewView> search(@RequestParam(required = false) ReviewStatus status,
            @RequestParam(required = false) Long customerId,
            @PageableDefault(size = 20, sort = "id", direction = Sort.Direction.DESC) Pageable page) {
        Page<QualificationReview> found = service.search(status, customerId, CurrentUser.get(), page);
        Map<Long, CustomerDetails> customersById =
                customers.byIdsMap(found.map(QualificationReview::getCustomerId).toList());
        return found.map(r -> QualificationReviewView.of(r, customersById.get(r.getCustomerId()).code()));
    }
}
