package io.kefu.qualification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import org.hibernate.envers.Audited;

/** A customer's standing in the review cycle: its class, the last credit score, when the next review is due. */
@Entity
@Table(name = "customer_qualification")
@Audited
class CustomerQualification {

    @Id
    @Column(name = "customer_id")
    private Long customerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "customer_class", length = 20, nullable = false)
    private CustomerClass customerClass;

    @Column(name = "last_credit")
    private Integer lastCredit;

    @Column(name = "last_reviewed_on")
    private LocalDate lastReviewedOn;

    @Column(name = "next_review_on", nullable = false)
    private LocalDate nextReviewOn;

    @Version
    private long version;

    protected CustomerQualification() {
    }

    CustomerQualification(long customerId, CustomerClass customerClass, LocalDate nextReviewOn) {
        this.customerId = customerId;
        this.customerClass = customerClass;
        this.nextReviewOn = nextReviewOn;
    }

    /** A review was scored: its credit is the one the next review compares with, and the next one is due then. */
    void reviewed(LocalDate on, int credit, LocalDate next) {
        this.lastReviewedOn = on;
        this.lastCredit = credit;
        this.nextReviewOn = next;
    }

    Long getCustomerId() { return customerId; }
    CustomerClass getCustomerClass() { return customerClass; }
    Integer getLastCredit() { return lastCredit; }
    LocalDate getLastReviewedOn() { return lastReviewedOn; }
    LocalDate getNextReviewOn() { return nextReviewOn; }
}
