package org.opennrm.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response.Status;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.opennrm.i18n.Text;
import org.opennrm.platform.ActionRefused;

/** What the engine's HTTP APIs answer for an exception a resource threw, where the exception alone decides it. */
class EngineApiProblemsTest {

	/** How the engine's task resource passes on a missing permission for a task's deployed form: as text only. */
	private static final String MISSING_PERMISSION = "The user with id 'demo-ngo' does not have one of the following"
			+ " permissions: 'READ' permission on resource 'a-task' of type 'Task' or 'READ_TASK' permission on resource"
			+ " 'VictimIdentification' of type 'ProcessDefinition'";

	@Test
	void a_missing_permission_passed_on_as_text_says_only_that_the_role_does_not_allow_it() {
		InvalidRequestException thrown = new InvalidRequestException(Status.FORBIDDEN, MISSING_PERMISSION);

		EngineApiProblems.Problem problem = EngineApiProblems.problem(thrown, 403, ExceptionDto.fromException(thrown));

		assertThat(problem.status()).isEqualTo(403);
		assertThat(problem.detail()).isEqualTo(Text.of("problem.roleDoesNotAllow"));
	}

	/**
	 * The engine's resources answer any {@code AuthorizationException} with 403, and our refusals are one: a task the
	 * caller may not see still answers 404, as in our API.
	 */
	@Test
	void our_refusal_keeps_its_own_status_where_the_engine_answered_403() {
		ActionRefused thrown = ActionRefused.notFound("problem.task.notFound");

		EngineApiProblems.Problem problem = EngineApiProblems.problem(thrown, 403, ExceptionDto.fromException(thrown));

		assertThat(problem.status()).isEqualTo(404);
		assertThat(problem.detail()).isEqualTo(Text.of("problem.task.notFound"));
	}

	/** Guards the other side of the first test: only a 403 loses the engine's words. */
	@Test
	void other_refusals_of_the_engine_keep_its_words() {
		InvalidRequestException thrown = new InvalidRequestException(Status.BAD_REQUEST, "Unknown sort parameter");

		EngineApiProblems.Problem problem = EngineApiProblems.problem(thrown, 400, ExceptionDto.fromException(thrown));

		assertThat(problem.status()).isEqualTo(400);
		assertThat(problem.detail()).isEqualTo(Text.of("problem.engine.refusedBecause", "Unknown sort parameter"));
	}
}
