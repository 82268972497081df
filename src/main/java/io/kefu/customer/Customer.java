package io.kefu.customer;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import io.kefu.shared.time.Now;
import org.hibernate.envers.Audited;

/** A customer of the service center (客户基础信息): agent, franchisee, dealer or member. */
@Entity
@Table(name = "customer")
@Audited
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** 客户编号, e.g. C00012: given from the id once the customer is saved. */
    @Column(name = "code", length = 20, unique = true)
    private String code;

    @Column(name = "name", length = 200, nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", length = 20, nullable = false)
    private CustomerType type;

    @Enumerated(EnumType.STRING)
    @Column(name = "tier", length = 1, nullable = false)
    private CustomerTier tier;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 20, nullable = false)
    private CustomerStatus status;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "customer_contact", joinColumns = @JoinColumn(name = "customer_id"))
    @OrderColumn(name = "position")
    private List<Contact> contacts = new ArrayList<>();

    @Column(name = "address", length = 500)
    private String address;

    /** Where notices go by email; without one they go as SMS to the first contact's mobile. */
    @Column(name = "email", length = 200)
    private String email;

    @Column(name = "region", length = 100)
    private String region;

    @Column(name = "store_count", nullable = false)
    private int storeCount;

    @Column(name = "specialist", length = 64)
    private String specialist;

    @Column(name = "business_start")
    private LocalDate businessStart;

    @Column(name = "business_end")
    private LocalDate businessEnd;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Customer() {
    }

    public Customer(String name, CustomerType type, CustomerTier tier) {
        this.name = name;
        this.type = type;
        this.tier = tier;
        this.status = CustomerStatus.ACTIVE;
    }

    @PrePersist
    @PreUpdate
    void touch() {
        updatedAt = Now.instant();
        if (createdAt == null) {
            createdAt = updatedAt;
        }
    }

    /** Applies the editable profile; the code and history fields never change this way. */
    public void updateProfile(String name, CustomerType type, CustomerTier tier, String address, String region,
            int storeCount, LocalDate businessStart, List<Contact> contacts) {
        this.name = name;
        this.type = type;
        this.tier = tier;
        this.address = address;
        this.region = region;
        this.storeCount = storeCount;
        this.businessStart = businessStart;
        this.contacts.clear();
        this.contacts.addAll(contacts);
    }

    /** 资质审核: the review moves the customer to another VIP tier (the customer's history records the change). */
    public void reclassify(CustomerTier tier) {
        this.tier = tier;
    }

    /** Gives the customer its number once the database has given it an id. */
    void numberFromId() {
        if (code == null) {
            code = String.format("C%05d", id);
        }
    }

    public void assignSpecialist(String specialist) {
        this.specialist = specialist;
    }

    /** The address notices are emailed to; null or blank removes it (notices then go by SMS). */
    public void changeEmail(String email) {
        this.email = email == null || email.isBlank() ? null : email.trim();
    }

    public void changeStatus(CustomerStatus status) {
        this.status = status;
    }

    /** 系统增名: a signed prospect becomes a served customer from {@code on}, with its stores. */
    public void startBusiness(LocalDate on, int storeCount) {
        this.status = CustomerStatus.ACTIVE;
        this.businessStart = on;
        this.businessEnd = null;
        this.storeCount = storeCount;
    }

    /** 解约: the customer is no longer served after {@code on}. */
    public void endBusiness(LocalDate on) {
        this.status = CustomerStatus.TERMINATED;
        this.businessEnd = on;
    }

    public boolean isServedBy(String userId) {
        return specialist != null && specialist.equals(userId);
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public CustomerType getType() {
        return type;
    }

    public CustomerTier getTier() {
        return tier;
    }

    public CustomerStatus getStatus() {
        return status;
    }

    public List<Contact> getContacts() {
        return List.copyOf(contacts);
    }

    public String getAddress() {
        return address;
    }

    public String getEmail() {
        return email;
    }

    public String getRegion() {
        return region;
    }

    public int getStoreCount() {
        return storeCount;
    }

    public String getSpecialist() {
        return specialist;
    }

    public LocalDate getBusinessStart() {
        return businessStart;
    }

    public LocalDate getBusinessEnd() {
        return businessEnd;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
