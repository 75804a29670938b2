package com.partnernet.testkit.conformance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The shape every service keeps (README, "Architecture"): its domain packages never import in a circle; a
 * resource reaches no other package's repository (it asks that package's service); queries live in repositories (and
 * read-side {@code *Statistics} classes), so no service holds an {@code EntityManager} or passes a repository a query
 * string; Kafka is touched only at the edge, by the transport classes ({@code *Consumer}) that hand records to a
 * handler; every consumer method and scheduled job is {@code @Drained} (a stop lets it finish). Each service's {@code ArchitectureTest} checks its main classes against these rules; a violation fails with
 * every offending import.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** Checks the service whose classes are below {@code basePackage}; throws an AssertionError listing violations. */
    public static void verify(String basePackage) {
        JavaClasses service = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        slices().matching(basePackage + ".(*)..").should().beFreeOfCycles().check(service);
        classes().that().haveSimpleNameEndingWith("Resource").should(useNoRepositoryOfAnotherPackage()).check(service);
        noClasses().that().haveSimpleNameNotEndingWith("Repository").and().haveSimpleNameNotEndingWith("Statistics")
                .should().dependOnClassesThat().areAssignableTo("jakarta.persistence.EntityManager")
                .orShould().callMethodWhere(panacheQuery())
                .because("queries belong in the table's repository").check(service);
        methods().that().areAnnotatedWith("org.eclipse.microprofile.reactive.messaging.Incoming")
                .or().areAnnotatedWith("io.quarkus.scheduler.Scheduled")
                .should().beAnnotatedWith("com.partnernet.chassis.shutdown.Drained")
                .because("a stop lets a consumer's poll and a job in hand finish before the database closes")
                .allowEmptyShould(true).check(service);
        noClasses().that().haveSimpleNameNotEndingWith("Consumer")
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.microprofile.reactive.messaging..",
                        "io.smallrye.reactive.messaging..", "org.apache.kafka..")
                .because("messaging stays at the edge: a transport class hands records to a handler").check(service);
    }

    /** A call of a Panache repository's method that takes a query string ({@code find("status = ?1", …)}). */
    private static DescribedPredicate<JavaMethodCall> panacheQuery() {
        Set<String> queryMethods = Set.of("find", "list", "stream", "count", "delete", "update", "exists");
        return DescribedPredicate.describe("a Panache query", call -> queryMethods.contains(call.getName())
                && call.getTargetOwner().isAssignableTo("io.quarkus.hibernate.orm.panache.PanacheRepositoryBase")
                && !call.getTarget().getRawParameterTypes().isEmpty()
                && call.getTarget().getRawParameterTypes().get(0).isEquivalentTo(String.class));
    }

    private static ArchCondition<JavaClass> useNoRepositoryOfAnotherPackage() {
        DescribedPredicate<JavaClass> foreignRepository = DescribedPredicate.describe("a repository", target ->
                target.getSimpleName().endsWith("Repository"));
        return new ArchCondition<>("use no repository of another package") {
            @Override
            public void check(JavaClass resource, ConditionEvents events) {
                resource.getDirectDependenciesFromSelf().stream()
                        .filter(dependency -> foreignRepository.test(dependency.getTargetClass())
                                && !dependency.getTargetClass().getPackageName().equals(resource.getPackageName()))
                        .forEach(dependency -> events.add(SimpleConditionEvent.violated(dependency,
                                dependency.getDescription())));
            }
        };
    }
}
