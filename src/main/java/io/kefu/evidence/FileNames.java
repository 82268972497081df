package io.kefu.evidence;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A client's file name made safe to store and to send back in a Content-Disposition: no folders, no control or
 * formatting characters (a right-to-left override can disguise an extension), none of the characters file systems
 * refuse, at most {@value #MAX_LENGTH} characters with the extension kept.
 */
final class FileNames {

    static final int MAX_LENGTH = 100;
    private static final String REFUSED = "<>:\"/\\|?*;";

    static String safe(String original) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder clean = new StringBuilder();
        name.codePoints().forEach(c -> {
            int type = Character.getType(c);
            boolean unsafe = Character.isISOControl(c) || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.PRIVATE_USE || type == Character.UNASSIGNED || REFUSED.indexOf(c) >= 0;
            clean.appendCodePoint(unsafe ? '_' : Character.isWhitespace(c) ? ' ' : c);
        });
        String trimmed = clean.toString().replaceAll("^[. ]+", "").replaceAll("[. ]+$", "");
        if (trimmed.isBlank()) {
            trimmed = "附件";
        }
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_LENGTH) {
            String extension = extension(trimmed);
            String suffix = extension.isEmpty() ? "" : "." + extension;
            int keep = MAX_LENGTH - suffix.length();
            trimmed = trimmed.substring(0, trimmed.offsetByCodePoints(0, Math.max(1, keep))) + suffix;
        }
        return trimmed;
    }

    /** The extension in lower case (without the dot), or "" when the name has none. */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static String withExtension(String name, String extension) {
        return name + "." + extension;
    }

    private FileNames() {
    }
}
