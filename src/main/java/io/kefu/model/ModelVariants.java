package io.kefu.model;

import io.kefu.identity.CurrentUser;
import io.kefu.shared.NotFoundException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.springframework.core.io.Resource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;
import org.springframework.util.function.SingletonSupplier;

/**
 * Ready alternatives of a process a manager can switch to (模型管理 → 可切换的流程方案): each directory
 * {@code processes/<feature>/variants/<id>/} holds a BPMN under the same process key as the shipped model and the
 * forms only it uses. They are not deployed at start-up; deploying one (through {@link ModelDeployments}, validated and
 * audited like any upload) makes it the current version of the process — new cases follow it, running cases stay on
 * their version unless the manager migrates them. The shipped model of the same key is listed too (标准流程), so the
 * manager can switch back. A variant is told apart by its {@code camunda:versionTag}.
 */
@Service
class ModelVariants {

    static final String STANDARD_SUFFIX = "-standard";
    private static final Pattern VARIANT_PATH = Pattern.compile(".*/processes/([^/]+)/variants/([^/]+)/(.+)$");

    record Variant(String id, String processKey, String name, String description, String versionTag,
            List<String> files, boolean standard, boolean current) {
    }

    private record Files(String processKey, String name, String description, String versionTag,
            Map<String, byte[]> content, boolean standard) {
    }

    private final RepositoryService repository;
    /**
     * The variants and the shipped models they replace, read (and their BPMN parsed) when a manager first asks for
     * them, not while Kefu starts: reading them parses every shipped process model.
     */
    private final SingletonSupplier<Map<String, Files>> variants = SingletonSupplier.of(ModelVariants::scan);

    ModelVariants(RepositoryService repository) {
        this.repository = repository;
    }

    List<Variant> list() {
        List<Variant> list = new ArrayList<>();
        variants.obtain().forEach((id, files) -> {
            ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(files.processKey())
                    .latestVersion().withoutTenantId().singleResult();
            boolean current = latest != null && files.versionTag() != null
                    && files.versionTag().equals(latest.getVersionTag());
            list.add(new Variant(id, files.processKey(), files.name(), files.description(), files.versionTag(),
                    List.copyOf(files.content().keySet()), files.standard(), current));
        });
        return list;
    }

    /** Deploys the variant as the current version of its process, in the manager's name. */
    ModelDeployments.DeploymentResult deploy(String id, ModelDeployments deployments, CurrentUser user) {
        if (!ModelDeployments.mayDeploy(user)) {
            throw new AccessDeniedException("only managers deploy");
        }
        Files files = variants.obtain().get(id);
        if (files == null) {
            throw new NotFoundException("流程方案 " + id + " 不存在");
        }
        List<ModelResource> resources = new ArrayList<>();
        files.content().forEach((name, bytes) -> resources.add(new ModelResource(name, bytes)));
        return deployments.deploy("切换流程方案:" + files.name(), resources, user);
    }

    private static Map<String, Files> scan() {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        Map<String, Map<String, byte[]>> byVariant = new LinkedHashMap<>();
        try {
            for (Resource file : resolver.getResources("classpath*:processes/*/variants/*/**/*.*")) {
                Matcher path = VARIANT_PATH.matcher(file.getURL().toString());
                if (path.matches() && file.isReadable()) {
                    byVariant.computeIfAbsent(path.group(2), k -> new LinkedHashMap<>())
                            .put(file.getFilename(), file.getContentAsByteArray());
                }
            }
            Map<String, Files> variants = new LinkedHashMap<>();
            Map<String, Files> standards = new LinkedHashMap<>();
            for (var entry : byVariant.entrySet()) {
                Files files = describe(entry.getValue(), false);
                if (files == null) {
                    continue;
                }
                variants.put(entry.getKey(), files);
                if (!standards.containsKey(files.processKey())) {
                    for (Resource shipped : resolver.getResources("classpath*:processes/*/*.bpmn")) {
                        Files standard = describe(Map.of(shipped.getFilename(), shipped.getContentAsByteArray()), true);
                        if (standard != null && standard.processKey().equals(files.processKey())) {
                            standards.put(files.processKey(), standard);
                        }
                    }
                }
            }
            Map<String, Files> all = new LinkedHashMap<>();
            standards.forEach((key, files) -> all.put(key + STANDARD_SUFFIX, files));
            all.putAll(variants);
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the process variants", e);
        }
    }

    /** The process a variant's BPMN defines: its key, name, documentation and version tag. */
    private static Files describe(Map<String, byte[]> content, boolean standard) {
        for (var file : content.entrySet()) {
            if (!file.getKey().endsWith(".bpmn")) {
                continue;
            }
            var model = Bpmn.readModelFromStream(new ByteArrayInputStream(file.getValue()));
            for (Process process : model.getModelElementsByType(Process.class)) {
                if (process.isExecutable()) {
                    String description = process.getDocumentations().stream().map(Documentation::getTextContent)
                            .findFirst().orElse("");
                    String name = standard ? process.getName() + "(标准流程)" : process.getName();
                    return new Files(process.getId(), name, description, process.getCamundaVersionTag(), content,
                            standard);
                }
            }
        }
        return null;
    }
}
