package org.opennrm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractWritableIdentityServiceCmd;
import org.camunda.bpm.engine.impl.identity.WritableIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.junit.jupiter.api.Test;
import org.opennrm.platform.TrustedEngineCalls;
import org.opennrm.test.RepositoryFiles;
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

	/** Every class that may run an engine call without the acting user's authorizations, each reviewed. */
	static final String[] TRUSTED_CALLERS = { "org.opennrm.tasks.internal.TaskActions",
			"org.opennrm.casework.internal.CaseWorkflows", "org.opennrm.returns.internal.StopReturnsWhenProtected",
			"org.opennrm.deadlines.internal.DeadlineMetListener", "org.opennrm.risk.internal.RiskAssessmentDeadlineMet",
			"org.opennrm.child.internal.RecordBestInterests", "org.opennrm.child.internal.Guardians",
			"org.opennrm.child.internal.GuardianChanges",
			"org.opennrm.oversight.internal.Workers", "org.opennrm.oversight.internal.AbsenceCover",
			"org.opennrm.tasks.internal.TaskWorkRules", "org.opennrm.returns.internal.ReturnRequests",
			"org.opennrm.transnational.internal.ReferralProposals",
			"org.opennrm.transnational.internal.ConsentWithdrawals",
			// Reads a task's model, and at start-up takes back group grants on tasks for one person.
			"org.opennrm.tasks.internal.PersonalTaskGrants" };

	@Test
	void trusted_calls_bypassing_engine_authorization_are_used_only_where_reviewed() {
		noClasses().that(DescribedPredicate.describe("are not reviewed trusted callers",
				(JavaClass javaClass) -> !Arrays.asList(TRUSTED_CALLERS).contains(javaClass.getName())
						&& !javaClass.getName().equals(TrustedEngineCalls.class.getName())
						&& !javaClass.getName().startsWith(TrustedEngineCalls.class.getName() + "$")))
			.should()
			.dependOnClassesThat()
			.areAssignableTo(TrustedEngineCalls.class)
			.check(CLASSES);
	}

	@Test
	void nothing_else_switches_engine_authorization_off() {
		noClasses().that()
			.doNotHaveFullyQualifiedName(TrustedEngineCalls.class.getName())
			.should()
			.callMethod(CommandContext.class, "runWithoutAuthorization", Callable.class)
			.orShould()
			.callMethod(CommandContext.class, "runWithoutAuthorization", Command.class)
			.orShould()
			.callMethod(CommandContext.class, "disableAuthorizationCheck")
			.orShould()
			.callMethod(CommandContext.class, "setAuthorizationCheckEnabled", boolean.class)
			.check(CLASSES);
	}

	/**
	 * Every class that runs engine commands of its own or reads the engine's rows past its queries and their checks,
	 * each reviewed: such code decides itself which check applies (ADR 20, ADR 33). {@code ReadsOfNothingRefused}
	 * looks a task up only to refuse a missing one, and then runs the engine's own command with its check.
	 */
	static final String[] OWN_ENGINE_COMMANDS = { TrustedEngineCalls.class.getName(),
			"org.opennrm.tasks.internal.VisibleTasks", "org.opennrm.tasks.internal.TaskWorkRules",
			"org.opennrm.platform.internal.ReadsOfNothingRefused" };

	@Test
	void engine_commands_of_our_own_are_run_only_where_reviewed() {
		noClasses().that(DescribedPredicate.describe("are not reviewed to run engine commands of their own",
				(JavaClass javaClass) -> Arrays.stream(OWN_ENGINE_COMMANDS)
					.noneMatch(name -> javaClass.getName().equals(name) || javaClass.getName().startsWith(name + "$"))))
			.should()
			.callMethod(ProcessEngineConfigurationImpl.class, "getCommandExecutorTxRequired")
			.orShould()
			.callMethod(ProcessEngineConfigurationImpl.class, "getCommandExecutorTxRequiresNew")
			.orShould()
			.callMethod(CommandContext.class, "getTaskManager")
			.orShould()
			.callMethod(CommandContext.class, "getDbSqlSession")
			.orShould()
			.callMethod(CommandContext.class, "getDbEntityManager")
			.check(CLASSES);
	}

	/**
	 * The identity store is written only through the engine's identity service, whose commands
	 * {@code RecentApiSignIns} watches to forget the API's kept sign-ins (ADR 21): no identity command built by hand,
	 * no write through the engine's identity provider from inside another command, and no SQL of ours on the identity
	 * tables (in the code, its resources, the models' scripts or the operators' configuration).
	 */
	@Test
	void the_identity_store_is_written_only_through_the_engines_identity_service() {
		noClasses().should()
			.callMethod(CommandContext.class, "getWritableIdentityProvider")
			.orShould()
			.dependOnClassesThat()
			.areAssignableTo(WritableIdentityProvider.class)
			.orShould()
			.callConstructorWhere(JavaCall.Predicates.target(HasOwner.Predicates.With
				.owner(JavaClass.Predicates.assignableTo(AbstractWritableIdentityServiceCmd.class))))
			.check(CLASSES);

		List<Path> naming = Stream.of("src/main/java", "src/main/resources", "processes", "config")
			.flatMap(folder -> RepositoryFiles.under(folder, file -> true).stream())
			.filter(file -> RepositoryFiles.text(file).toUpperCase(Locale.ROOT).contains("ACT_ID_"))
			.toList();
		assertThat(naming).as("sources that name the engine's identity tables").isEmpty();
	}
}
