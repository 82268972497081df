package io.kefu.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Each kind of evidence recognised by its first bytes, and what merely looks like one refused. */
class FileTypeTest {

    @Test
    void recordingsAreRecognisedByTheirHeaders() {
        assertThat(FileType.of(bytes("ID3", 4, 0, 0), "mp3")).contains(FileType.MP3);
        assertThat(FileType.of(new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64}, "mp3")).contains(FileType.MP3);
        assertThat(FileType.of(bytes("\0\0\0\u0020ftypM4A ", 0), "m4a")).contains(FileType.M4A);
        assertThat(FileType.of(bytes("RIFF\u0024\0\0\0WAVEfmt ", 0), "wav")).contains(FileType.WAV);
        assertThat(FileType.of(bytes("#!AMR\n", 0x3C), "amr")).contains(FileType.AMR);
        // an MP4 video is no call recording
        assertThat(FileType.of(bytes("\0\0\0\u0020ftypisom", 0), "m4a")).isEmpty();
    }

    @Test
    void scansPhotosAndLettersAreRecognisedByTheirHeaders() {
        assertThat(FileType.of(bytes("%PDF-1.4", 10), "pdf")).contains(FileType.PDF);
        assertThat(FileType.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1}, "jpg"))
                .contains(FileType.JPEG);
        assertThat(FileType.of(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, "png"))
                .contains(FileType.PNG);
    }

    @Test
    void wordAndExcelFilesAreZipsWithTheirOwnPartsAndOtherZipsAreRefused() throws IOException {
        assertThat(FileType.of(zip("[Content_Types].xml", "word/document.xml"), "docx")).contains(FileType.DOCX);
        assertThat(FileType.of(zip("[Content_Types].xml", "xl/workbook.xml"), "xlsx")).contains(FileType.XLSX);
        assertThat(FileType.of(zip("payload.exe"), "docx")).isEmpty();
    }

    @Test
    void textIsUtf8WithoutControlCharactersAndAnEmailIsTextNamedEml() {
        byte[] mail = "From: a@kefu.example\r\nSubject: 确认\r\n\r\n同意".getBytes(StandardCharsets.UTF_8);
        assertThat(FileType.of(mail, "eml")).contains(FileType.EML);
        assertThat(FileType.of(mail, "txt")).contains(FileType.TXT);
        assertThat(FileType.of(new byte[] {'M', 'Z', (byte) 0x90, 0}, "txt")).isEmpty();
        assertThat(FileType.of("text\u0000with a NUL".getBytes(StandardCharsets.UTF_8), "txt")).isEmpty();
        assertThat(FileType.of(new byte[] {(byte) 0xC3, (byte) 0x28}, "txt")).as("not UTF-8").isEmpty();
    }

    @Test
    void namesLoseFoldersAndCharactersThatCouldDisguiseThem() {
        assertThat(FileNames.safe("C:\\Users\\客户\\签字单.PDF")).isEqualTo("签字单.PDF");
        assertThat(FileNames.extension("签字单.PDF")).isEqualTo("pdf");
        assertThat(FileNames.safe("照片\u202Egnp.exe")).isEqualTo("照片_gnp.exe");
        assertThat(FileNames.safe("../..")).isEqualTo("附件");
        assertThat(FileNames.safe("长".repeat(300) + ".pdf")).hasSize(FileNames.MAX_LENGTH).endsWith(".pdf");
    }

    private static byte[] bytes(String ascii, int... more) {
        byte[] head = ascii.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + more.length];
        System.arraycopy(head, 0, all, 0, head.length);
        for (int i = 0; i < more.length; i++) {
            all[head.length + i] = (byte) more[i];
        }
        return all;
    }

    private static byte[] zip(String... names) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
