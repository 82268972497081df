package io.kefu.evidence;

import io.kefu.evidence.CaseAttachments.Attachment;
import io.kefu.evidence.CaseAttachments.Download;
import io.kefu.evidence.CaseAttachments.TaskEvidence;
import io.kefu.identity.CurrentUser;
import io.kefu.shared.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Files attached to a case: from the console's case page ({@code /api/cases/{caseKey}/attachments}) and from a task
 * in Tasklist ({@code /api/tasks/{taskId}/attachments}, the 附件 tab). Multipart uploads with the file in {@code file}.
 */
@RestController
class AttachmentController {

    private final CaseAttachments attachments;

    AttachmentController(CaseAttachments attachments) {
        this.attachments = attachments;
    }

    @GetMapping("/api/cases/{caseKey}/attachments")
    List<Attachment> list(@PathVariable String caseKey) {
        return attachments.list(caseKey, CurrentUser.get());
    }

    @PostMapping("/api/cases/{caseKey}/attachments")
    ResponseEntity<Attachment> upload(@PathVariable String caseKey,
            @RequestParam(name = "file", required = false) MultipartFile file) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(attachments.upload(caseKey, name(file), bytes(file), CurrentUser.get()));
    }

    /** The file itself, always as a download (never shown inline: a file is evidence, not a page of Kefu's). */
    @GetMapping("/api/cases/{caseKey}/attachments/{id}")
    ResponseEntity<byte[]> download(@PathVariable String caseKey, @PathVariable long id) {
        Download download = attachments.download(caseKey, id, CurrentUser.get());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(download.attachment().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(download.attachment().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(download.content());
    }

    @GetMapping("/api/tasks/{taskId}/attachments")
    TaskEvidence ofTask(@PathVariable String taskId) {
        return attachments.ofTask(taskId, CurrentUser.get());
    }

    @PostMapping("/api/tasks/{taskId}/attachments")
    ResponseEntity<Attachment> uploadToTask(@PathVariable String taskId,
            @RequestParam(name = "file", required = false) MultipartFile file) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(attachments.uploadToTask(taskId, name(file), bytes(file), CurrentUser.get()));
    }

    private static String name(MultipartFile file) {
        return file == null ? null : file.getOriginalFilename();
    }

    /** The file's bytes; none when no file was sent (refused by the service after its access checks). */
    private static byte[] bytes(MultipartFile file) {
        if (file == null) {
            return null;
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw InvalidInputException.of("file", "文件未能完整上传,请重试");
        }
    }
}
