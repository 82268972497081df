package io.kefu.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A customer's registry entry as other modules read it (they never see the entity): its personal data (contacts,
 * email, address) is unmasked here, and whoever shows it masks it as {@link PersonalData} says, for readers who may
 * not read it in full ({@link CustomerService#mayReadPersonalData}).
 */
public record CustomerDetails(Long id, String code, String name, CustomerType type, CustomerTier tier,
        CustomerStatus status, List<Contact> contacts, String email, String address, String region, int storeCount,
        String specialist, LocalDate businessStart, LocalDate businessEnd, Instant createdAt, Instant updatedAt,
        long version) {

    static CustomerDetails of(Customer c) {
        return new CustomerDetails(c.getId(), c.getCode(), c.getName(), c.getType(), c.getTier(), c.getStatus(),
                c.getContacts(), c.getEmail(), c.getAddress(), c.getRegion(), c.getStoreCount(), c.getSpecialist(),
                c.getBusinessStart(), c.getBusinessEnd(), c.getCreatedAt(), c.getUpdatedAt(), c.getVersion());
    }

    public boolean isServedBy(String userId) {
        return specialist != null && specialist.equals(userId);
    }

    /** The first contact person, whom visits and notices reach; null when none is recorded. */
    public Contact firstContact() {
        return contacts.isEmpty() ? null : contacts.get(0);
    }
}
