package io.portevoix;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.function.Predicate;
import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jmolecules.architecture.hexagonal.PrimaryPort;
import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jmolecules.architecture.hexagonal.SecondaryPort;
import org.jmolecules.archunit.JMoleculesArchitectureRules;
import org.jmolecules.archunit.JMoleculesArchitectureRules.VerificationDepth;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The architecture of STYLE.md, enforced: module boundaries (Spring Modulith), hexagonal rules
 * (jMolecules, SEMI_STRICT), a pure domain, technologies confined to their adapters, and a canary
 * proving the rules have something to check.
 */
class ArchitectureTests {

    static final List<String> BUSINESS_MODULES = List.of("tenancy", "billing", "delivery", "audience", "templates");
    static final ApplicationModules MODULES = ApplicationModules.of(PorteVoixApplication.class);
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.portevoix");

    @Test
    void modulesOnlyUseWhatTheyDeclare() {
        MODULES.verify();
    }

    @Test
    void everyModuleIsHexagonal() {
        JMoleculesArchitectureRules.ensureHexagonal(VerificationDepth.SEMI_STRICT).check(CLASSES);
    }

    @Test
    void theDomainDependsOnTheJdkAndJMoleculesOnly() {
        classes().that().resideInAPackage("io.portevoix.*.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..", "org.jmolecules..",
                        "org.jspecify..", "io.portevoix.shared..", "io.portevoix.*", "io.portevoix.*.domain..")
                .check(CLASSES);
    }

    @Test
    void vaadinStaysInTheShellAndTheUiAdapters() {
        noClasses().that().resideOutsideOfPackages("io.portevoix.shell..", "io.portevoix.*.adapter.ui..")
                .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
                .check(CLASSES);
    }

    @Test
    void jobRunrStaysInTheJobAdapters() {
        noClasses().that().resideOutsideOfPackage("io.portevoix.*.adapter.jobrunr..")
                .should().dependOnClassesThat().resideInAPackage("org.jobrunr..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void sqlStaysInTheJdbcAdapters() {
        noClasses().that().resideOutsideOfPackage("io.portevoix.*.adapter.jdbc..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.springframework.jdbc..")
                .check(CLASSES);
    }

    @Test
    void jsmppStaysInTheSmppAdapter() {
        noClasses().that().resideOutsideOfPackage("io.portevoix.delivery.adapter.smpp..")
                .should().dependOnClassesThat().resideInAPackage("org.jsmpp..")
                .check(CLASSES);
    }

    @Test
    void theShellDependsOnNoBusinessModule() {
        noClasses().that().resideInAPackage("io.portevoix.shell..")
                .should().dependOnClassesThat().resideInAnyPackage(BUSINESS_MODULES.stream()
                        .map(module -> "io.portevoix." + module + "..").toArray(String[]::new))
                .check(CLASSES);
    }

    @Test
    void uiViewsArePackagePrivateExceptNavigationHelpers() {
        classes().that().resideInAPackage("io.portevoix.*.adapter.ui..")
                .and().areAnnotatedWith(com.vaadin.flow.router.Route.class)
                .should().notBePublic()
                .check(CLASSES);
    }

    /** The canary: rules that check nothing pass on nothing, so every module must show real ports and adapters. */
    @Test
    void everyBusinessModuleHasAnnotatedPortsAndAdapters() {
        for (String module : BUSINESS_MODULES) {
            String base = "io.portevoix." + module;
            assertThat(count(base, c -> c.isAnnotatedWith(PrimaryPort.class))).as("%s primary ports", module).isPositive();
            assertThat(count(base, c -> inPackageAnnotated(c, SecondaryPort.class))).as("%s secondary ports", module)
                    .isPositive();
            assertThat(count(base, c -> inPackageAnnotated(c, PrimaryAdapter.class))).as("%s primary adapters", module)
                    .isPositive();
            assertThat(count(base, c -> inPackageAnnotated(c, SecondaryAdapter.class))).as("%s secondary adapters", module)
                    .isPositive();
            assertThat(MODULES.getModuleByName(module)).as("%s is a module", module).isPresent();
        }
    }

    private static long count(String base, Predicate<JavaClass> predicate) {
        return CLASSES.stream().filter(c -> c.getPackageName().startsWith(base)).filter(predicate).count();
    }

    private static boolean inPackageAnnotated(JavaClass type, Class<? extends java.lang.annotation.Annotation> annotation) {
        return type.getPackage().isAnnotatedWith(annotation) && !type.getSimpleName().equals("package-info");
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        assertThat(new java.io.File("docs/modules/components.puml")).exists();
    }
}
