package itu.wsis.support.text;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** Services' domain packages may use these rules (ServiceArchitecture allows it) because they are plain Java. */
class TextRulesArchitectureTest {

    @Test
    void theTextRulesArePlainJava() {
        classes().that().resideInAPackage("itu.wsis.support.text..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "itu.wsis.support.text..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("itu.wsis.support.text"));
    }
}
