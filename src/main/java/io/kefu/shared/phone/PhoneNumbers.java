package io.kefu.shared.phone;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one reading of a phone number as people type it, for every form and API that takes one: spaces and dashes are
 * allowed anywhere a person puts them, and the number must be a Chinese mobile number ({@code 1[3-9]} and nine digits,
 * optionally after {@code +86}) or a landline (area code {@code 0} + two or three digits, a seven- or eight-digit
 * number, optionally an extension after a separator). Numbers are kept in one shape: {@code 13812345678},
 * {@code 010-12345678}, {@code 0755-1234567-801}, so that searching and matching a number finds it however it was typed.
 */
public final class PhoneNumbers {

    /** What a user reads when a number is refused: it says which shapes are accepted. */
    public static final String INVALID = "联系电话格式不正确:请填写 11 位手机号(如 138 1234 5678)或带区号的固话(如 010-12345678,分机可加 -801)";

    private static final Pattern MOBILE = Pattern.compile("(?:\\+?86)?(1[3-9]\\d{9})");
    /** Area codes of three digits: 010 and 02x; every other area code has four. */
    private static final Pattern SHORT_AREA = Pattern.compile("0(?:10|2\\d)");
    private static final Pattern AREA = Pattern.compile("0\\d{2,3}");
    private static final Pattern NUMBER = Pattern.compile("\\d{7,8}");
    private static final Pattern EXTENSION = Pattern.compile("\\d{1,6}");
    /** A landline typed as one run of digits (no extension: it could not be told from the number). */
    private static final Pattern LANDLINE_RUN = Pattern.compile("0\\d{9,11}");

    /**
     * The number in Kefu's shape, or empty when it is neither a mobile nor a landline number. Null or blank input is
     * empty too: whether a number is required is the caller's rule.
     */
    public static Optional<String> normalise(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        // spaces (also full-width) and dashes of any kind separate parts; runs of them count as one
        String separated = typed.strip().replaceAll("[\\s\\u3000\\-\\u2010-\\u2015\\uFF0D]+", "-")
                .replaceAll("^-|-$", "");
        String digits = separated.replace("-", "");
        Matcher mobile = MOBILE.matcher(digits);
        if (mobile.matches()) {
            return Optional.of(mobile.group(1));
        }
        Optional<String> landline = landline(separated.replaceAll("^\\((0\\d{2,3})\\)-?", "$1-"));
        if (landline.isPresent()) {
            return landline;
        }
        if (LANDLINE_RUN.matcher(digits).matches() && !separated.contains("-")) {
            int area = SHORT_AREA.matcher(digits.substring(0, 3)).matches() ? 3 : 4;
            String number = digits.substring(area);
            if (number.length() >= 7 && number.length() <= 8) {
                return Optional.of(digits.substring(0, area) + "-" + number);
            }
        }
        return Optional.empty();
    }

    /** Whether the text is a phone number as {@link #normalise} reads it; null or blank is not. */
    public static boolean isValid(String typed) {
        return normalise(typed).isPresent();
    }

    /**
     * The number in Kefu's shape; a blank one is null. Call after validation ({@link Phone}): a number that does not
     * read is returned as typed, trimmed, so that nothing is silently dropped.
     */
    public static String normalisedOrNull(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        return normalise(typed).orElse(typed.strip());
    }

    /**
     * A landline typed in parts: the area code, then the number (which people often split, {@code 010 1234 5678}),
     * then perhaps an extension as the last part.
     */
    private static Optional<String> landline(String separated) {
        String[] parts = separated.split("-");
        if (parts.length < 2 || !AREA.matcher(parts[0]).matches() || !areaCodeFits(parts[0])) {
            return Optional.empty();
        }
        String whole = String.join("", Arrays.copyOfRange(parts, 1, parts.length));
        if (NUMBER.matcher(whole).matches()) {
            return Optional.of(parts[0] + "-" + whole);
        }
        String extension = parts[parts.length - 1];
        String number = String.join("", Arrays.copyOfRange(parts, 1, parts.length - 1));
        if (parts.length > 2 && NUMBER.matcher(number).matches() && EXTENSION.matcher(extension).matches()) {
            return Optional.of(parts[0] + "-" + number + "-" + extension);
        }
        return Optional.empty();
    }

    private static boolean areaCodeFits(String area) {
        return area.length() == 3 ? SHORT_AREA.matcher(area).matches() : !SHORT_AREA.matcher(area.substring(0, 3)).matches();
    }

    private PhoneNumbers() {
    }
}
