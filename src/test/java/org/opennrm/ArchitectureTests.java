package org.opennrm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.opennrm.platform.TrustedEngineCalls;
import org.springframework.web.bind.annotation.RestController;

/** House rules that the compiler cannot check. */
class ArchitectureTests {

	static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.opennrm");

	@Test
	void only_security_sets_the_engines_authenticated_user() {
		noClasses().that()
			.resideOutsideOfPackage("org.opennrm.security..")
			.should()
			.callMethod(IdentityService.class, "setAuthentication", String.class, java.util.List.class)
			.orShould()
			.callMethod(IdentityService.class, "setAuthenticatedUserId", String.class)
			.orShould()
			.callMethod(IdentityService.class, "clearAuthentication")
			.check(CLASSES);
	}

	@Test
	void web_controllers_do_not_call_the_task_service_directly() {
		noClasses().that().areAnnotatedWith(RestController.class).should().dependOnClassesThat().areAssignableTo(
				TaskService.class).check(CLASSES);
	}

	@Test
	void controllers_are_package_private() {
		classes().that().areAnnotatedWith(RestController.class).should().notBePublic().check(CLASSES);
	}

	@Test
	void trusted_calls_bypassing_engine_authorization_are_used_only_where_reviewed() {
		noClasses().that()
			.doNotHaveFullyQualifiedName("org.opennrm.tasks.internal.TaskActions")
			.and()
			.doNotHaveFullyQualifiedName("org.opennrm.casework.internal.CaseWorkflows")
			.and()
			.doNotHaveFullyQualifiedName(TrustedEngineCalls.class.getName())
			.should()
			.dependOnClassesThat()
			.areAssignableTo(TrustedEngineCalls.class)
			.check(CLASSES);
	}
}
