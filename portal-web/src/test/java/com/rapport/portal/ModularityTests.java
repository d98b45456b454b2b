package com.rapport.portal;

import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import org.springframework.stereotype.Controller;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module arrows of DESIGN.md: portal-web → community-core → survey-core, db used by
 * all and using none. Runs on the main classes of every module on portal-web's classpath.
 * Each rule fails when its {@code that()} selects no class (ArchUnit's
 * failOnEmptyShould), so a renamed or missing package cannot make it pass silently.
 */
class ModularityTests {

	// the root package holds PortalApplication, the composition root of portal-web
	private static final String[] PORTAL = { "com.rapport", "com.rapport.portal.." };

	private static final String[] WEB_APIS = { "jakarta.servlet..", "org.springframework.web..",
			"org.springframework.ui..", "org.thymeleaf..", "org.springframework.security.web.." };

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.rapport");

	@Test
	void everyModuleIsOnTheClasspath() {
		List<String> missing = Stream
			.of("com.rapport.db", "com.rapport.survey", "com.rapport.community", "com.rapport.portal")
			.filter((module) -> !CLASSES.containPackage(module))
			.toList();
		assertThat(missing).as("modules of which no main class was imported").isEmpty();
	}

	@Test
	void surveyCoreKnowsNoOtherModule() {
		noClasses().that()
			.resideInAPackage("com.rapport.survey..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(concat(PORTAL, "com.rapport.community.."))
			.because("survey-core defines the triggers it understands; community-core and portal-web feed them")
			.check(CLASSES);
	}

	@Test
	void communityCoreKnowsNoPortal() {
		noClasses().that()
			.resideInAPackage("com.rapport.community..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(PORTAL)
			.check(CLASSES);
	}

	@Test
	void coresKnowNothingOfTheWeb() {
		noClasses().that()
			.resideInAnyPackage("com.rapport.survey..", "com.rapport.community..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(WEB_APIS)
			.because("the cores know nothing of HTTP, sessions or templates")
			.check(CLASSES);
	}

	@Test
	void dbKnowsNoOtherModule() {
		noClasses().that()
			.resideInAPackage("com.rapport.db..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(concat(PORTAL, "com.rapport.survey..", "com.rapport.community.."))
			.check(CLASSES);
	}

	@Test
	void controllersArePackagePrivateAndInPortal() {
		ArchRule rule = classes().that()
			.areMetaAnnotatedWith(Controller.class)
			.should()
			.resideInAPackage("com.rapport.portal..")
			.andShould()
			.notBePublic();
		rule.check(CLASSES);
	}

	@Test
	void featuresOfCommunityCoreAreFreeOfCycles() {
		// features react to each other through events, not calls in circles
		slices().matching("com.rapport.community.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void featuresOfSurveyCoreAreFreeOfCycles() {
		slices().matching("com.rapport.survey.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void engagementCountsKnowNoSurveyPages() {
		// the survey pages count their showings and clicks through the engagement counts,
		// so the engagement pages must not need the survey pages back
		noClasses().that()
			.resideInAPackage("com.rapport.portal.engage..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("com.rapport.portal.survey..")
			.check(CLASSES);
	}

	private static String[] concat(String[] packages, String... more) {
		String[] all = new String[packages.length + more.length];
		System.arraycopy(packages, 0, all, 0, packages.length);
		System.arraycopy(more, 0, all, packages.length, more.length);
		return all;
	}

}
