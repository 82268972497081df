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

    public static CustomerView of(Customer c, boolean unmasked) {
        List<ContactView> contacts = c.getContacts().stream()
                .map(k -> new ContactView(unmasked ? k.getName() : PersonalData.maskName(k.getName()),
                        unmasked ? k.getPhone() : PersonalData.maskPhone(k.getPhone()), k.getTitle()))
                .toList();
        return new CustomerView(c.getId(), c.getCode(), c.getName(), c.getType(), c.getType().label(), c.getTier(),
                c.getStatus(), c.getStatus().label(), contacts,
                unmasked ? c.getEmail() : PersonalData.maskEmail(c.getEmail()), unmasked ? c.getAddress() : PersonalData.maskAddress(c.getAddress()),
                c.getRegion(), c.getStoreCount(), c.getSpecialist(), c.getBusinessStart(), c.getBusinessEnd(), !unmasked,
                c.getCreatedAt(), c.getUpdatedAt(), c.getVersion());
    }
}
