package io.kefu.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A contact person of a customer. Phone numbers are personal data: shown masked to most users. */
@Embeddable
public class Contact {

    @Column(name = "name", length = 100, nullable = false)
    private String name;

    @Column(name = "phone", length = 30, nullable = false)
    private String phone;

    @Column(name = "title", length = 100)
    private String title;

    protected Contact() {
    }

    public Contact(String name, String phone, String title) {
        this.name = name;
        this.phone = phone;
        this.title = title;
    }

    public String getName() {
        return name;
    }

    public String getPhone() {
        return phone;
    }

    public String getTitle() {
        return title;
    }
}
