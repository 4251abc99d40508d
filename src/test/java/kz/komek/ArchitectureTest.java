package kz.komek;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of decision record 0020, checked on the compiled main classes: arrows between features point
 * down, the shared packages know no feature, and only the routes and the composition root see every feature. Also
 * that a source file over 500 lines says why it is one piece.
 */
class ArchitectureTest {
    /** Packages every feature may use; they use no feature themselves. */
    private static final String[] SHARED = {"kz.komek.i18n..", "kz.komek.http..", "kz.komek.progress.."};

    private static final int MAX_LINES = 500;

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("kz.komek");
    }

    private static void check(ArchRule rule) {
        rule.check(main);
    }

    @Test
    void featurePackagesFormNoCycle() {
        check(slices().matching("kz.komek.(*)..").should().beFreeOfCycles());
    }

    @Test
    void adminRoomsFormNoCycle() {
        check(slices().matching("kz.komek.admin.(*)..").should().beFreeOfCycles());
    }

    @Test
    void adminRootKnowsNoRoom() {
        check(noClasses()
                .that()
                .resideInAPackage("kz.komek.admin")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("kz.komek.admin.*.."));
    }

    @Test
    void sharedPackagesKnowNoFeature() {
        check(noClasses()
                .that()
                .resideInAnyPackage(SHARED)
                .should()
                .dependOnClassesThat(resideInAPackage("kz.komek..").and(not(resideInAnyPackage(SHARED)))));
    }

    @Test
    void answerRenderingKnowsOnlyLocales() {
        check(noClasses()
                .that()
                .resideInAPackage("kz.komek.content..")
                .should()
                .dependOnClassesThat(resideInAPackage("kz.komek..")
                        .and(not(resideInAnyPackage("kz.komek.content..", "kz.komek.i18n..")))));
    }

    /** Health, metrics access and request ids report on the features through functions App hands them. */
    @Test
    void operationsKnowNoFeature() {
        check(noClasses()
                .that()
                .resideInAPackage("kz.komek.ops..")
                .should()
                .dependOnClassesThat(resideInAPackage("kz.komek..")
                        .and(not(resideInAnyPackage("kz.komek.ops..", "kz.komek.http..")))));
    }

    @Test
    void storageIsPlumbingOnly() {
        check(noClasses()
                .that()
                .resideInAPackage("kz.komek.storage..")
                .should()
                .dependOnClassesThat(
                        resideInAPackage("kz.komek.*..").and(not(resideInAPackage("kz.komek.storage..")))));
    }

    /** Backups read komek's tables from the catalog (decision 0042): a feature's new table needs no change there. */
    @Test
    void backupsKnowNoFeature() {
        check(noClasses()
                .that()
                .resideInAPackage("kz.komek.backup..")
                .should()
                .dependOnClassesThat(resideInAPackage("kz.komek..")
                        .and(not(resideInAnyPackage(
                                "kz.komek.backup..", "kz.komek.storage..", "kz.komek.progress..")))));
    }

    @Test
    void onlyTheRootSeesTheRoutes() {
        check(noClasses()
                .that()
                .resideOutsideOfPackages("kz.komek.web..")
                .and()
                .doNotHaveFullyQualifiedName(App.class.getName())
                .should()
                .dependOnClassesThat()
                .resideInAPackage("kz.komek.web.."));
    }

    @Test
    void noFeatureImportsTheCommandLine() {
        check(noClasses()
                .that()
                .resideOutsideOfPackage("kz.komek.cli..")
                .and()
                .doNotHaveFullyQualifiedName(App.class.getName())
                .should()
                .dependOnClassesThat()
                .resideInAPackage("kz.komek.cli.."));
    }

    /** A class long enough to need scrolling says why in its comment, in words starting "Longer than 500 lines". */
    @Test
    void longSourceFilesSayWhy() throws IOException {
        List<String> unexplained;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            unexplained = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> {
                        List<String> lines = read(f);
                        return lines.size() > MAX_LINES
                                && lines.stream().noneMatch(l -> l.contains("Longer than 500 lines"));
                    })
                    .map(Path::toString)
                    .sorted()
                    .toList();
        }
        assertThat(unexplained)
                .as(
                        "files over %d lines without \"Longer than 500 lines\" and a reason in their class comment",
                        MAX_LINES)
                .isEmpty();
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void storesAndPureCodeNeverSeeTheRequest() {
        check(noClasses()
                .that()
                .haveSimpleNameEndingWith("Store")
                .or()
                .resideInAnyPackage(
                        "kz.komek.content..",
                        "kz.komek.i18n..",
                        "kz.komek.seo..",
                        "kz.komek.storage..",
                        "kz.komek.bundle..",
                        "kz.komek.generate..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.javalin.."));
    }
}
