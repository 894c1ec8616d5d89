package org.dyad.web.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Dependencies point inward: web-ui → application → domain; infra → application/domain. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.dyad");
    }

    @Test
    void theDomainKnowsNoSpringMongoOrWebTypes() {
        noClasses().that().resideInAPackage("org.dyad.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework.spring..",
                        "com.mongodb..", "org.bson..", "de.bwaldvogel..", "jakarta.servlet..", "jakarta.persistence..",
                        "com.fasterxml.jackson..", "org.dyad.application..", "org.dyad.infra..", "org.dyad.web..")
                .check(classes);
    }

    @Test
    void theApplicationDoesNotImportTheWebLayerOrInfrastructure() {
        noClasses().that().resideInAPackage("org.dyad.application..")
                .should().dependOnClassesThat().resideInAnyPackage("org.dyad.web..", "org.dyad.infra..", "com.mongodb..",
                        "org.bson..", "jakarta.servlet..", "org.springframework.web..", "org.springframework.security..",
                        "org.springframework.messaging..")
                .check(classes);
    }

    @Test
    void theWebLayerDoesNotImportInfrastructure() {
        noClasses().that().resideInAPackage("org.dyad.web..")
                .should().dependOnClassesThat().resideInAnyPackage("org.dyad.infra..", "com.mongodb..")
                .check(classes);
    }

    @Test
    void infrastructureDoesNotImportTheWebLayer() {
        noClasses().that().resideInAPackage("org.dyad.infra..")
                .should().dependOnClassesThat().resideInAPackage("org.dyad.web..")
                .check(classes);
    }

    @Test
    void theImportSawEveryModule() {
        // Guards against the rules above passing vacuously because a module was missing from the classpath.
        for (String pkg : new String[]{"org.dyad.domain", "org.dyad.application", "org.dyad.infra", "org.dyad.web"}) {
            if (classes.stream().noneMatch(c -> c.getPackageName().startsWith(pkg))) {
                throw new AssertionError("no classes imported from " + pkg);
            }
        }
    }
}
