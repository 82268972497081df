package io.kefu.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The kinds of evidence a case may hold, recognised by their bytes (magic numbers), never by the name or the
 * Content-Type a client sends: signature scans and letters (PDF, JPEG, PNG), call recordings (MP3, M4A, WAV, AMR),
 * e-mails and notes (EML, TXT), and Word and Excel files (DOCX, XLSX).
 */
enum FileType {
    PDF("application/pdf", "PDF 文件", "pdf"),
    JPEG("image/jpeg", "JPEG 图片", "jpg", "jpeg"),
    PNG("image/png", "PNG 图片", "png"),
    MP3("audio/mpeg", "MP3 录音", "mp3"),
    M4A("audio/mp4", "M4A 录音", "m4a"),
    WAV("audio/wav", "WAV 录音", "wav"),
    AMR("audio/amr", "AMR 录音", "amr"),
    EML("message/rfc822", "电子邮件", "eml"),
    TXT("text/plain;charset=UTF-8", "文本文件", "txt"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word 文档", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel 表格", "xlsx");

    /** What the refusal tells the user is accepted. */
    static final String ACCEPTED = "PDF、JPG、PNG、MP3、M4A、WAV、AMR、EML、TXT、DOCX、XLSX";

    private final String contentType;
    private final String label;
    private final List<String> extensions;

    FileType(String contentType, String label, String... extensions) {
        this.contentType = contentType;
        this.label = label;
        this.extensions = List.of(extensions);
    }

    String contentType() {
        return contentType;
    }

    String label() {
        return label;
    }

    String extension() {
        return extensions.get(0);
    }

    boolean hasExtension(String extension) {
        return extensions.contains(extension);
    }

    /** The type of these bytes; the file's extension only tells an e-mail from a text and is checked by the caller. */
    static Optional<FileType> of(byte[] bytes, String extension) {
        if (startsWith(bytes, 0, "%PDF-")) {
            return Optional.of(PDF);
        }
        if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(bytes, 0, "RIFF") && startsWith(bytes, 8, "WAVE")) {
            return Optional.of(WAV);
        }
        if (startsWith(bytes, 0, "#!AMR")) {
            return Optional.of(AMR);
        }
        if (startsWith(bytes, 4, "ftyp") && (startsWith(bytes, 8, "M4A ") || startsWith(bytes, 8, "M4B "))) {
            return Optional.of(M4A);
        }
        if (startsWith(bytes, 0, "ID3") || isMpegAudioFrame(bytes)) {
            return Optional.of(MP3);
        }
        if (startsWith(bytes, 0, 'P', 'K', 3, 4)) {
            return office(bytes);
        }
        if (isText(bytes)) {
            return Optional.of("eml".equals(extension) ? EML : TXT);
        }
        return Optional.empty();
    }

    /** An MPEG audio frame header: 11 sync bits, then a layer that is not "reserved". */
    private static boolean isMpegAudioFrame(byte[] bytes) {
        return bytes.length >= 4 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xE0) == 0xE0 && (bytes[1] & 0x06) != 0
                && (bytes[2] & 0xF0) != 0xF0;
    }

    /** A DOCX or XLSX is a ZIP with [Content_Types].xml and the word/ or xl/ part; any other ZIP is refused. */
    private static Optional<FileType> office(byte[] bytes) {
        Set<String> names = new HashSet<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null && names.size() < 2000) {
                names.add(entry.getName());
            }
        } catch (IOException | IllegalArgumentException broken) {
            return Optional.empty();
        }
        if (!names.contains("[Content_Types].xml")) {
            return Optional.empty();
        }
        if (names.contains("word/document.xml")) {
            return Optional.of(DOCX);
        }
        if (names.contains("xl/workbook.xml")) {
            return Optional.of(XLSX);
        }
        return Optional.empty();
    }

    /** UTF-8 text (a byte-order mark allowed) without control characters other than tab, line breaks and form feed. */
    private static boolean isText(byte[] bytes) {
        int start = startsWith(bytes, 0, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
        return text.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7F);
    }

    private static boolean startsWith(byte[] bytes, int offset, String ascii) {
        return startsWith(bytes, offset, ascii.chars().toArray());
    }

    private static boolean startsWith(byte[] bytes, int offset, int... expected) {
        if (bytes.length < offset + expected.length) {
            return false;
        }
        return Arrays.equals(Arrays.copyOfRange(bytes, offset, offset + expected.length),
                toBytes(expected));
    }

    private static byte[] toBytes(int[] values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
