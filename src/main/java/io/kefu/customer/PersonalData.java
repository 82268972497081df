package io.kefu.customer;

import io.kefu.identity.CurrentUser;
import io.kefu.shared.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.data.domain.Sort;

/**
 * Masks personal data (客户的资料 is 机密) for users who may not read it in full, and keeps those users from searching
 * or sorting by it: a filter or an order over masked values would confirm, a few requests at a time, what the mask
 * hides.
 */
public final class PersonalData {

    static final String SEARCH_REFUSED = "无权按个人资料(电话、联系人、邮箱、地址)检索或排序:客户资料属机密";

    /** Properties that are personal data wherever they appear in a sort path ({@code customer.contacts.phone}). */
    private static final Set<String> PERSONAL_PROPERTIES = Set.of("contacts", "complainantname", "callername",
            "consignee", "contactname", "driverdetails");
    /** Parts of property names that mark personal data: every phone, email and address field. */
    private static final List<String> PERSONAL_FRAGMENTS = List.of("phone", "email", "address");

    /**
     * Refuses (400 naming each parameter) a search by personal data from a user who may not search by it
     * ({@link CurrentUser#maySearchByPersonalData()}): a personal-data filter given a value, or a sort by a personal
     * property. {@code personalFilters} maps each such query parameter to the value the request gave it (or null).
     */
    public static void requireMaySearchBy(CurrentUser user, Sort sort, Map<String, String> personalFilters) {
        if (user.maySearchByPersonalData()) {
            return;
        }
        Map<String, String> refused = new LinkedHashMap<>();
        personalFilters.forEach((parameter, value) -> {
            if (value != null && !value.isBlank()) {
                refused.put(parameter, SEARCH_REFUSED);
            }
        });
        if (sort != null && sort.stream().anyMatch(order -> isPersonal(order.getProperty()))) {
            refused.put("sort", SEARCH_REFUSED);
        }
        if (!refused.isEmpty()) {
            throw new InvalidInputException(refused);
        }
    }

    /** Refuses a sort by personal data from a user who may not search by it (see above). */
    public static void requireMaySortBy(CurrentUser user, Sort sort) {
        requireMaySearchBy(user, sort, Map.of());
    }

    /** Whether a property path ({@code contacts.phone}, {@code customer.address}) reaches personal data. */
    static boolean isPersonal(String propertyPath) {
        for (String segment : propertyPath.toLowerCase(Locale.ROOT).split("\\.")) {
            String name = segment.trim();
            if (PERSONAL_PROPERTIES.contains(name) || PERSONAL_FRAGMENTS.stream().anyMatch(name::contains)) {
                return true;
            }
        }
        return false;
    }

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
