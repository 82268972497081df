package io.kefu.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A customer as one user may see it: personal data masked unless the user may read it in full. */
public record CustomerView(Long id, String code, String name, CustomerType type, String typeLabel, CustomerTier tier,
        CustomerStatus status, String statusLabel, List<ContactView> contacts, String email, String address, String region,
        int storeCount, String specialist, LocalDate businessStart, LocalDate businessEnd, boolean personalDataMasked,
        Instant createdAt, Instant updatedAt, long version) {

    public record ContactView(String name, String phone, String title) {
    }

    public static CustomerView of(CustomerDetails c, boolean unmasked) {
        List<ContactView> contacts = c.contacts().stream()
                .map(k -> new ContactView(unmasked ? k.getName() : PersonalData.maskName(k.getName()),
                        unmasked ? k.getPhone() : PersonalData.maskPhone(k.getPhone()), k.getTitle()))
                .toList();
        return new CustomerView(c.id(), c.code(), c.name(), c.type(), c.type().label(), c.tier(),
                c.status(), c.status().label(), contacts,
                unmasked ? c.email() : PersonalData.maskEmail(c.email()),
                unmasked ? c.address() : PersonalData.maskAddress(c.address()),
                c.region(), c.storeCount(), c.specialist(), c.businessStart(), c.businessEnd(), !unmasked,
                c.createdAt(), c.updatedAt(), c.version());
    }
}
