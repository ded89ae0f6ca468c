package dev.driftdeck.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.driftdeck.schedule.JobScheduler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of docs/ARCHITECTURE.md, enforced: a core that knows nothing of JavaFX, no cycles. */
class LayeringTest {

    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.driftdeck");
    }

    @Test
    void onlyUiAndAppKnowJavaFx() {
        noClasses().that().resideOutsideOfPackages("dev.driftdeck.ui..", "dev.driftdeck.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.kordamp..")
                .check(production);
    }

    @Test
    void driftWorksOnPlainRecordsWithoutAwsOrStore() {
        noClasses().that().resideInAPackage("dev.driftdeck.drift..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.driftdeck.aws..", "dev.driftdeck.store..", "software.amazon..", "java.sql..")
                .check(production);
    }

    /** What a change means is a pure function of plain records: every writer and the console share it. */
    @Test
    void meaningReadsPlainRecordsOnly() {
        noClasses().that().resideInAPackage("dev.driftdeck.meaning..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.driftdeck.aws..", "dev.driftdeck.store..",
                        "dev.driftdeck.scan..", "dev.driftdeck.report..", "dev.driftdeck.cli..", "dev.driftdeck.ui..",
                        "dev.driftdeck.app..", "software.amazon..", "java.sql..", "javafx..")
                .check(production);
    }

    @Test
    void onlyAwsAndS3StateTalkToTheAwsSdk() {
        noClasses().that().resideOutsideOfPackages("dev.driftdeck.aws..", "dev.driftdeck.state.s3..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk..")
                .because("the SDK's types, exceptions and profile files stay behind aws (scanning) and state.s3 "
                        + "(reading S3 state); everything else gets plain values from them")
                .check(production);
    }

    @Test
    void onlyTheStoreTalksToTheDatabase() {
        noClasses().that().resideOutsideOfPackage("dev.driftdeck.store..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.flywaydb..", "org.h2..",
                        "org.postgresql..")
                .because("SQL, JDBC, Flyway, H2 and PostgreSQL are the store's business; callers see repositories and"
                        + " records")
                .check(production);
    }

    @Test
    void theCoreDoesNotReachUpIntoCliUiOrApp() {
        noClasses().that().resideInAnyPackage("dev.driftdeck.state..", "dev.driftdeck.aws..", "dev.driftdeck.drift..",
                        "dev.driftdeck.store..", "dev.driftdeck.schedule..", "dev.driftdeck.report..", "dev.driftdeck.scan..",
                        "dev.driftdeck.notify..", "dev.driftdeck.remediation..", "dev.driftdeck.fix..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.driftdeck.cli..", "dev.driftdeck.ui..", "dev.driftdeck.app..")
                .check(production);
    }

    @Test
    void theConsoleReachesAwsOnlyThroughItsPorts() {
        noClasses().that().resideInAPackage("dev.driftdeck.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "dev.driftdeck.aws..",
                        "dev.driftdeck.state.s3..")
                .check(production);
    }

    @Test
    void theCliNeverTouchesTheDesktop() {
        noClasses().that().resideInAPackage("dev.driftdeck.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.driftdeck.ui..", "dev.driftdeck.app..", "javafx..")
                .check(production);
    }

    /**
     * By type, not by signature: any constructor of {@link JobScheduler} (called or referenced) and any static method
     * of it that returns one. A new constructor or factory is covered the day it is written.
     */
    @Test
    void onlyTheDesktopBootstrapBuildsTheScheduler() {
        noClasses().that().doNotHaveFullyQualifiedName("dev.driftdeck.app.DesktopBootstrap")
                .and().resideOutsideOfPackage("dev.driftdeck.schedule..")
                .should().accessTargetWhere(buildsA(JobScheduler.class))
                .because("the CLI and the tests never build the scheduler; only DesktopBootstrap does (docs/ARCHITECTURE.md)")
                .check(production);
    }

    /** The risk catalogue judges plain attribute maps: every layer can use it, it uses none. */
    @Test
    void riskCatalogueStandsAlone() {
        noClasses().that().resideInAPackage("dev.driftdeck.risk..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.driftdeck.state..", "dev.driftdeck.drift..",
                        "dev.driftdeck.aws..", "dev.driftdeck.store..", "dev.driftdeck.scan..",
                        "dev.driftdeck.report..", "dev.driftdeck.schedule..", "software.amazon..", "java.sql..")
                .check(production);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.driftdeck.(*)..").should().beFreeOfCycles().check(production);
    }

    /**
     * Between the feature packages under {@code ui} (findings, overview, notifications...). The shell and its ports
     * directly in {@code ui} are no slice: the shell assembles every feature, and the features use its ports.
     */
    @Test
    void uiFeaturesHaveNoCycles() {
        slices().matching("dev.driftdeck.ui.(*)..").should().beFreeOfCycles().check(production);
    }

    /** A constructor of {@code type}, or a static method of it returning {@code type}. */
    private static DescribedPredicate<JavaAccess<?>> buildsA(Class<?> type) {
        return DescribedPredicate.describe("a constructor or static factory of " + type.getSimpleName(), access -> {
            AccessTarget target = access.getTarget();
            if (!target.getOwner().isEquivalentTo(type)) {
                return false;
            }
            if (target instanceof AccessTarget.ConstructorCallTarget || target instanceof AccessTarget.ConstructorReferenceTarget) {
                return true;
            }
            return target instanceof AccessTarget.MethodCallTarget || target instanceof AccessTarget.MethodReferenceTarget
                    ? ((AccessTarget.CodeUnitAccessTarget) target).resolveMember()
                            .filter(method -> method.getModifiers().contains(JavaModifier.STATIC))
                            .filter(method -> method.getRawReturnType().isEquivalentTo(type))
                            .isPresent()
                    : false;
        });
    }
}
