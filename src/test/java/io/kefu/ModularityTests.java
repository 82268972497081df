package io.kefu;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kefu's feature packages are modules (see docs/modules.md). These tests fail the build when a module reaches into
 * another one's internals, when two modules depend on each other (directly or in a ring), or when a repository or
 * entity leaks out of the feature that owns its table.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(KefuApplication.class);

    static final JavaClasses KEFU = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.kefu");

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersPublicSurface() {
        MODULES.verify();
    }

    /**
     * Entities other modules may use: {@code KefuRevision} is the Envers revision (who, when) every audited record's
     * history is read with. Case records keep their customer's id and read the customer through
     * {@code CustomerService}; the demo data, which seeds records through the entities, is exempt below.
     */
    static final Set<String> ENTITIES_STILL_SHARED = Set.of("io.kefu.audit.KefuRevision");

    @Test
    void springDataRepositoriesAreNotPublic() {
        classes().that().areAssignableTo(Repository.class).and().areInterfaces()
                .should().notBePublic()
                .because("a feature's tables are read and written only through its own services")
                .check(KEFU);
    }

    @Test
    void entitiesAreNotUsedOutsideTheirFeature() {
        classes().should(notUseAnEntityOfAnotherModule())
                .because("other features see a feature's data through its services, views and events")
                .check(KEFU);
    }

    /**
     * No module's SQL names another module's table: a table belongs to the module whose entity maps it ({@code @Table},
     * {@code @CollectionTable}, with Envers' {@code _aud} copy) or whose code inserts into it; the SQL in a module's
     * string literals may name only its own tables, the engine's ({@code act_*}) and Envers' {@code revinfo}. The
     * demo data, which seeds every feature, is exempt.
     */
    @Test
    void noModuleQueriesAnotherModulesTables() throws IOException {
        Map<Path, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/kefu"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.put(file, Files.readString(file));
            }
        }
        Map<String, String> owners = new TreeMap<>();
        Pattern mapped = Pattern.compile("@(?:Table|CollectionTable)\\(name = \"([a-z_]+)\"");
        Pattern inserted = Pattern.compile("insert into ([a-z_]+)");
        sources.forEach((file, text) -> {
            String module = sourceModule(file);
            if (module.equals("demo")) {
                return;
            }
            for (Matcher m = mapped.matcher(text); m.find(); ) {
                owners.put(m.group(1), module);
                owners.put(m.group(1) + "_aud", module);
            }
            for (String sql : stringLiterals(text)) {
                for (Matcher m = inserted.matcher(sql); m.find(); ) {
                    owners.putIfAbsent(m.group(1), module);
                }
            }
        });
        owners.remove("revinfo");
        assertThat(owners).containsEntry("complaint", "complaint").containsEntry("customer_aud", "customer")
                .containsEntry("step_entry", "step");

        Pattern named = Pattern.compile("\\b(?:from|join|into|update)\\s+([a-z_]+)");
        List<String> violations = new ArrayList<>();
        sources.forEach((file, text) -> {
            String module = sourceModule(file);
            if (module.equals("demo")) {
                return;
            }
            for (String sql : stringLiterals(text)) {
                for (Matcher m = named.matcher(sql); m.find(); ) {
                    String owner = owners.get(m.group(1));
                    if (owner != null && !owner.equals(module)) {
                        violations.add(file + " (" + module + ") names " + m.group(1) + " of " + owner);
                    }
                }
            }
        });
        assertThat(violations).as("SQL naming another module's table").isEmpty();
    }

    /** The module of a main source file: its top-level package under io/kefu. */
    private static String sourceModule(Path file) {
        Path relative = Path.of("src/main/java/io/kefu").relativize(file);
        return relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
    }

    /** The text blocks and string literals of a Java source. */
    static List<String> stringLiterals(String source) {
        List<String> literals = new ArrayList<>();
        Matcher blocks = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL).matcher(source);
        StringBuilder rest = new StringBuilder();
        int last = 0;
        while (blocks.find()) {
            literals.add(blocks.group(1));
            rest.append(source, last, blocks.start());
            last = blocks.end();
        }
        rest.append(source.substring(last));
        for (Matcher m = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"").matcher(rest); m.find(); ) {
            literals.add(m.group(1));
        }
        return literals;
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(MODULES, "target/modules")
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }

    private static ArchCondition<JavaClass> notUseAnEntityOfAnotherModule() {
        return new ArchCondition<>("not use an entity of another module") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                origin.getDirectDependenciesFromSelf().stream()
                        .filter(dependency -> dependency.getTargetClass().isAnnotatedWith(Entity.class))
                        .filter(dependency -> !ENTITIES_STILL_SHARED.contains(dependency.getTargetClass().getName()))
                        .filter(dependency -> !moduleOf(origin).equals("demo"))
                        .filter(dependency -> !moduleOf(dependency.getTargetClass()).equals(moduleOf(origin)))
                        .forEach(dependency -> events.add(SimpleConditionEvent.violated(dependency,
                                dependency.getDescription())));
            }
        };
    }

    /** The top-level package under io.kefu: the module a class belongs to. */
    static String moduleOf(JavaClass type) {
        String rest = type.getPackageName().substring("io.kefu".length());
        if (rest.isEmpty()) {
            return "";
        }
        int dot = rest.indexOf('.', 1);
        return dot < 0 ? rest.substring(1) : rest.substring(1, dot);
    }
}
