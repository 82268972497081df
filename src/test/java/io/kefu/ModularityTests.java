package io.kefu;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

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
