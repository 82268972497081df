package io.kefu.evidence;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the files attached to cases.
 *
 * @param maxSize the largest file accepted (10 MB by default). The file is one row of {@code case_attachment}: on
 *                MySQL / MariaDB keep it below the server's {@code max_allowed_packet} (by default MySQL 8: 64 MB,
 *                MariaDB: 16 MB). The multipart limits ({@code spring.servlet.multipart.*}) follow it.
 */
@ConfigurationProperties("kefu.attachments")
public record AttachmentSettings(@DefaultValue("10MB") DataSize maxSize) {
}
