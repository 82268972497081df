package io.kefu.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import io.kefu.identity.CurrentUser;
import io.kefu.shared.InvalidInputException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import io.kefu.shared.web.FixedOrderPages;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Process redesign (README "Changing processes"): what runs, validation, deployment, diff, migration and their audit.
 * Supervisors, managers, auditors and administrators read; only managers and administrators deploy and migrate.
 */
@RestController
@RequestMapping("/api/models")
class ModelController {

    static final URI INVALID_MODEL = URI.create("urn:kefu:problem:model-invalid");

    private final ModelDeployments deployments;
    private final ModelCatalog catalog;
    private final ModelDiff diff;
    private final ModelMigrations migrations;
    private final ModelAuditLog audit;
    private final ModelVariants variants;

    ModelController(ModelDeployments deployments, ModelCatalog catalog, ModelDiff diff, ModelMigrations migrations,
            ModelAuditLog audit, ModelVariants variants) {
        this.variants = variants;
        this.deployments = deployments;
        this.catalog = catalog;
        this.diff = diff;
        this.migrations = migrations;
        this.audit = audit;
    }

    @GetMapping
    ModelCatalog.Catalog models() {
        requireOverseer();
        return catalog.catalog();
    }

    /** The diagram of one version, for bpmn-js and for Camunda Modeler (open, change, deploy again). */
    @GetMapping("/processes/{key}/versions/{version}/xml")
    ResponseEntity<String> processXml(@PathVariable String key, @Positive(message = "版本号须为正整数") @PathVariable int version) {
        requireOverseer();
        return xml(catalog.processXml(key, version));
    }

    @GetMapping("/decisions/{key}/versions/{version}/xml")
    ResponseEntity<String> decisionXml(@PathVariable String key, @Positive(message = "版本号须为正整数") @PathVariable int version) {
        requireOverseer();
        return xml(catalog.decisionXml(key, version));
    }

    private static ResponseEntity<String> xml(String content) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.APPLICATION_XML, StandardCharsets.UTF_8))
                .body(content);
    }

    /** Dry run: the same checks as a deployment, nothing deployed. */
    @PostMapping(value = "/validate", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ValidationReport validate(@RequestParam(name = "files", required = false) List<MultipartFile> files) {
        requireOverseer();
        return deployments.validate(read(files));
    }

    @PostMapping(value = "/deployments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> deploy(@RequestParam(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(name = "name", required = false) String name) {
        ModelDeployments.DeploymentResult result = deployments.deploy(name, read(files), CurrentUser.get());
        if (!result.deployed()) {
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(invalidModel(result.validation()));
        }
        return ResponseEntity.status(result.unchanged() ? HttpStatus.OK : HttpStatus.CREATED).body(result);
    }

    /** The ready alternatives of processes a manager can switch to, and which one runs now. */
    @GetMapping("/variants")
    List<ModelVariants.Variant> variants() {
        requireOverseer();
        return variants.list();
    }

    /** Makes a ready alternative the current version of its process (validated and audited as any deployment). */
    @PostMapping("/variants/{id}/deployments")
    ResponseEntity<?> deployVariant(@PathVariable String id) {
        ModelDeployments.DeploymentResult result = variants.deploy(id, deployments, CurrentUser.get());
        if (!result.deployed()) {
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(invalidModel(result.validation()));
        }
        return ResponseEntity.status(result.unchanged() ? HttpStatus.OK : HttpStatus.CREATED).body(result);
    }

    /** The audit trail of deployments: who deployed what, when, from where — refused attempts included. */
    @GetMapping("/deployments")
    Page<ModelAuditLog.DeploymentEntry> deploymentLog(@PageableDefault(size = 20) Pageable page) {
        requireOverseer();
        return audit.deployments(FixedOrderPages.requireUnsorted(page, "时间由新到旧"));
    }

    @GetMapping("/processes/{key}/diff")
    ModelDiff.Diff processDiff(@PathVariable String key, @Positive(message = "版本号须为正整数") @RequestParam int from, @Positive(message = "版本号须为正整数") @RequestParam int to) {
        requireOverseer();
        return diff.processes(key, from, to);
    }

    @GetMapping("/decisions/{key}/diff")
    ModelDiff.Diff decisionDiff(@PathVariable String key, @Positive(message = "版本号须为正整数") @RequestParam int from, @Positive(message = "版本号须为正整数") @RequestParam int to) {
        requireOverseer();
        return diff.decisions(key, from, to);
    }

    @GetMapping("/processes/{key}/migration-plan")
    ModelMigrations.Plan migrationPlan(@PathVariable String key, @Positive(message = "版本号须为正整数") @RequestParam int from, @Positive(message = "版本号须为正整数") @RequestParam int to) {
        requireOverseer();
        return migrations.plan(key, from, to);
    }

    @PostMapping("/processes/{key}/migrations")
    ModelMigrations.MigrationResult migrate(@PathVariable String key,
            @Valid @RequestBody ModelMigrations.MigrationRequest request) {
        return migrations.migrate(key, request, CurrentUser.get());
    }

    @GetMapping("/migrations")
    Page<ModelAuditLog.MigrationEntry> migrationLog(@RequestParam(required = false) String processKey,
            @RequestParam(required = false) String processInstanceId, @PageableDefault(size = 20) Pageable page) {
        requireOverseer();
        return audit.migrations(processKey, processInstanceId, FixedOrderPages.requireUnsorted(page, "时间由新到旧"));
    }

    /** For a case's timeline: the migrations that moved it. */
    @GetMapping("/cases/{processInstanceId}/changes")
    List<CaseModelChange> caseChanges(@PathVariable String processInstanceId) {
        requireOverseer();
        return migrations.changesOf(processInstanceId);
    }

    static ProblemDetail invalidModel(ValidationReport report) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, report.summary());
        problem.setType(INVALID_MODEL);
        problem.setTitle("模型校验未通过,未部署");
        problem.setProperty("problems", report.problems());
        problem.setProperty("notes", report.notes());
        return problem;
    }

    private static void requireOverseer() {
        CurrentUser user = CurrentUser.get();
        if (!ModelAccess.mayOpen(user)) {
            throw new AccessDeniedException("models are for supervisors, managers and auditors");
        }
    }

    private static List<ModelResource> read(List<MultipartFile> files) {
        List<ModelResource> resources = new ArrayList<>();
        if (files == null) {
            return resources;
        }
        for (MultipartFile file : files) {
            String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                    ? file.getName() : file.getOriginalFilename();
            try {
                resources.add(new ModelResource(name.replaceAll(".*[/\\\\]", ""), file.getBytes()));
            } catch (IOException e) {
                throw InvalidInputException.of("files", "无法读取上传的文件「" + name + "」");
            }
        }
        return resources;
    }
}
