package io.kefu.customer;

import java.util.regex.Pattern;

/** Masks personal data (客户的资料 is 机密) for users who may not read it in full. */
public final class PersonalData {

    /** 13812345678 → 138****5678; short numbers keep only their last two digits. */
    public static String maskPhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String p = phone.trim();
        if (p.length() >= 7) {
            return p.substring(0, 3) + "****" + p.substring(p.length() - 4);
        }
        return "*".repeat(Math.max(0, p.length() - 2)) + p.substring(Math.max(0, p.length() - 2));
    }

    /** 张三丰 → 张**. */
    public static String maskName(String name) {
        if (name == null || name.length() <= 1) {
            return name;
        }
        return name.charAt(0) + "*".repeat(name.length() - 1);
    }

    /** Keeps the first six characters (province and city) of an address. */
    public static String maskAddress(String address) {
        if (address == null || address.length() <= 6) {
            return address;
        }
        return address.substring(0, 6) + "****";
    }

    /** zhangsan@example.com → z*******@example.com. */
    public static String maskEmail(String email) {
        if (email == null || email.isBlank()) {
            return email;
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return maskName(email);
        }
        return email.charAt(0) + "*".repeat(Math.max(1, at - 1)) + email.substring(at);
    }

    /** A mainland mobile number standing alone in a text: 11 digits, 13x–19x. */
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])1[3-9][0-9]{9}(?![0-9])");

    /**
     * Free text (a complaint's description, a note) masked wherever it quotes a mobile number: for texts that others
     * read without a right to the number, such as a task's case card.
     */
    public static String maskPhoneNumbersIn(String text) {
        if (text == null) {
            return null;
        }
        return MOBILE.matcher(text).replaceAll(found -> maskPhone(found.group()));
    }

    private PersonalData() {
    }
}
