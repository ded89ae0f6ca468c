package dev.driftdeck.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
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

    @Test
    void theCoreDoesNotReachUpIntoCliUiOrApp() {
        noClasses().that().resideInAnyPackage("dev.driftdeck.state..", "dev.driftdeck.aws..", "dev.driftdeck.drift..",
                        "dev.driftdeck.store..", "dev.driftdeck.schedule..", "dev.driftdeck.report..", "dev.driftdeck.scan..")
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

    @Test
    void onlyTheDesktopBootstrapBuildsTheScheduler() {
        noClasses().that().doNotHaveFullyQualifiedName("dev.driftdeck.app.DesktopBootstrap")
                .and().resideOutsideOfPackage("dev.driftdeck.schedule..")
                .should().callConstructor(JobScheduler.class, java.time.Clock.class,
                        java.util.concurrent.ScheduledExecutorService.class, java.util.concurrent.ExecutorService.class,
                        dev.driftdeck.schedule.RunStore.class, java.util.List.class, dev.driftdeck.schedule.SchedulerOptions.class)
                .orShould().callConstructor(JobScheduler.class, java.time.Clock.class, java.util.function.LongSupplier.class,
                        java.util.concurrent.ScheduledExecutorService.class, java.util.concurrent.ExecutorService.class,
                        dev.driftdeck.schedule.RunStore.class, java.util.List.class, dev.driftdeck.schedule.SchedulerOptions.class)
                .orShould().callMethod(JobScheduler.class, "create", java.time.Clock.class,
                        dev.driftdeck.schedule.RunStore.class, java.util.List.class, dev.driftdeck.schedule.SchedulerOptions.class)
                .check(production);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.driftdeck.(*)..").should().beFreeOfCycles().check(production);
    }
}
