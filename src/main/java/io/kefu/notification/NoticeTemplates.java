package io.kefu.notification;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The notice templates: keyed texts (subject and body, Simplified Chinese) with {@code {placeholder}}s, read from every
 * {@code notice-templates.yaml} under {@code processes/} (each feature keeps its own next to its BPMN; a manager rewords
 * them there, no Java involved). Read when a notice is made, so an edited file on a file-system location
 * ({@code kefu.notification.templates}) takes effect at once. A key several files define alike is one template; defined
 * differently, that template fails (never a guess which text wins).
 */
@Component
class NoticeTemplates {

    /** {@code {name}}: letters, digits, dots, dashes and underscores. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_.-]*)}");

    record Template(String key, String subject, String body) {
    }

    private final String location;
    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    NoticeTemplates(NotificationSettings settings) {
        this.location = settings.templates();
    }

    /** The template with this key; an unknown key, or one two files define differently, is a technical failure. */
    Template get(String key) {
        Catalogue catalogue = catalogue();
        if (catalogue.conflicts().containsKey(key)) {
            throw new NoticeFailure("通知模板 " + key + " 在两个文件中定义不同: " + catalogue.conflicts().get(key));
        }
        Template template = catalogue.templates().get(key);
        if (template == null) {
            throw new NoticeFailure("通知模板 " + key + " 不存在(见 processes/**/notice-templates.yaml)");
        }
        return template;
    }

    RenderedText render(String key, Map<String, String> values) {
        Template template = get(key);
        Set<String> missing = new LinkedHashSet<>();
        String subject = fill(template.subject(), values, missing);
        String body = fill(template.body(), values, missing);
        if (!missing.isEmpty()) {
            throw new NoticeFailure("通知模板 " + key + " 的占位符无法填写: " + String.join(", ", missing));
        }
        return new RenderedText(subject, body);
    }

    /** Every template, by key (a key two files define differently is left out: see {@link #conflicts()}). */
    Map<String, Template> all() {
        Catalogue catalogue = catalogue();
        Map<String, Template> templates = new LinkedHashMap<>(catalogue.templates());
        templates.keySet().removeAll(catalogue.conflicts().keySet());
        return templates;
    }

    /** Keys two files define with different texts → where. Only those templates fail; the others still work. */
    Map<String, String> conflicts() {
        return catalogue().conflicts();
    }

    private record Catalogue(Map<String, Template> templates, Map<String, String> conflicts) {
    }

    private Catalogue catalogue() {
        Map<String, Template> templates = new LinkedHashMap<>();
        Map<String, String> definedIn = new HashMap<>();
        Map<String, String> conflicts = new LinkedHashMap<>();
        for (Resource resource : resources()) {
            for (var entry : read(resource).entrySet()) {
                String key = String.valueOf(entry.getKey());
                if (!(entry.getValue() instanceof Map<?, ?> fields) || fields.get("subject") == null
                        || fields.get("body") == null) {
                    throw new NoticeFailure("通知模板 " + key + " 需要 subject 和 body (" + resource.getDescription() + ")");
                }
                Template template = new Template(key, String.valueOf(fields.get("subject")).strip(),
                        String.valueOf(fields.get("body")).strip());
                Template previous = templates.putIfAbsent(key, template);
                if (previous != null && !previous.equals(template)) {
                    conflicts.put(key, definedIn.get(key) + " / " + resource.getDescription());
                }
                definedIn.putIfAbsent(key, resource.getDescription());
            }
        }
        return new Catalogue(templates, conflicts);
    }

    private Resource[] resources() {
        try {
            return resolver.getResources(location);
        } catch (IOException e) {
            throw new NoticeFailure("通知模板无法读取: " + location, e);
        }
    }

    private static Map<?, ?> read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            LoaderOptions options = new LoaderOptions();
            // a key twice in one file (e.g. after a merge) is an error, not "the last one wins"
            options.setAllowDuplicateKeys(false);
            Object yaml = new Yaml(options).load(in);
            if (yaml == null) {
                return Map.of();
            }
            if (!(yaml instanceof Map<?, ?> map)) {
                throw new NoticeFailure("通知模板文件格式不对 (应为 键: {subject, body}): " + resource.getDescription());
            }
            return map;
        } catch (IOException | YAMLException e) {
            throw new NoticeFailure("通知模板无法读取: " + resource.getDescription() + ": " + e.getMessage(), e);
        }
    }

    private static String fill(String text, Map<String, String> values, Set<String> missing) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                missing.add(m.group(1));
                value = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
