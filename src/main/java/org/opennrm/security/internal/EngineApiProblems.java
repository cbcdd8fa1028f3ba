package org.opennrm.security.internal;

import java.lang.annotation.Annotation;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;
import org.opennrm.i18n.Text;
import org.opennrm.platform.ActionRefused;
import org.opennrm.platform.InvalidFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error of the engine's HTTP APIs as a problem response (RFC 9457), with a status that says what happened:
 * <ul>
 * <li>a refusal by our rules, wherever in the engine it was raised and however the resource wrapped it, answers as
 * itself: invalid fields 400 with each field and what is wrong with it (as our API answers them), a rule 403, a
 * conflict with someone else's work 409, a task the caller may not see 404;</li>
 * <li>the engine's own refusals keep their 4xx status and message, but a missing permission (403) says only that the
 * role does not allow it, however the resource passed it on: the engine's words name the user, the task and its
 * process; a claim or change that raced another is 409;</li>
 * <li>a 5xx means our fault and says only that nothing was changed: exception messages and SQL never leave the
 * service (the engine has logged the cause).</li>
 * </ul>
 * A request that no operation answered (no template matched, or a sub-resource locator on the way found nothing)
 * gets a plain 404.
 * <p>
 * The exception comes from Jersey's own request events (the first one thrown while the request was handled), since a
 * resource may have wrapped it in another before the mapper saw it.
 */
class EngineApiProblems implements ContainerResponseFilter, ApplicationEventListener {

	@Context
	private ServletContext servletContext;

	@Context
	private HttpServletRequest servletRequest;

	static final String THROWN = EngineApiProblems.class.getName() + ".thrown";

	private static final Logger log = LoggerFactory.getLogger(EngineApiProblems.class);

	private static final int LONGEST_DETAIL = 300;

	/**
	 * What a request gets when no operation answers it: no template matched, or a sub-resource locator on the way
	 * found nothing (an unknown engine name, a definition key nobody may read). It says no more than that.
	 */
	static final Problem NO_SUCH_RESOURCE = new Problem(404, Text.of("problem.noSuchResource"), Map.of());

	@Override
	public void onEvent(ApplicationEvent event) {
	}

	@Override
	public RequestEventListener onRequest(RequestEvent start) {
		return event -> {
			if (event.getType() == RequestEvent.Type.ON_EXCEPTION && event.getContainerRequest().getProperty(THROWN) == null) {
				event.getContainerRequest().setProperty(THROWN, event.getException());
			}
		};
	}

	@Override
	public void filter(ContainerRequestContext request, ContainerResponseContext response) {
		if (response.getStatus() < 400 || isProblem(response.getMediaType())) {
			return;
		}
		boolean routed = ((ExtendedUriInfo) request.getUriInfo()).getMatchedResourceMethod() != null;
		Problem problem = !routed && (response.getStatus() == 400 || response.getStatus() == 404) ? NO_SUCH_RESOURCE
				: problem((Throwable) request.getProperty(THROWN), response.getStatus(), response.getEntity());
		if (problem.status() >= 500) {
			log.warn("The engine answered {} {} with {}; its body was replaced", request.getMethod(),
					request.getUriInfo().getPath(), response.getStatus());
		}
		response.setStatus(problem.status());
		response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, "application/problem+json");
		response.setEntity(ProblemBodies.json(ProblemBodies.texts(this.servletContext),
				ProblemBodies.language(this.servletContext, this.servletRequest), problem.status(), problem.detail(),
				problem.errors()), new Annotation[0],
				MediaType.valueOf("application/problem+json"));
	}

	/** What to answer, from what was thrown (searched down its causes) and what the resource answered. */
	static Problem problem(Throwable thrown, int status, Object entity) {
		for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof InvalidFields invalid) {
				return new Problem(400, Text.of("problem.invalidFields"), new TreeMap<>(invalid.errors()));
			}
			if (cause instanceof ActionRefused refused) {
				return new Problem(refused.status(), refused.text(), Map.of());
			}
			if (cause instanceof AuthorizationException) {
				return new Problem(403, Text.of("problem.roleDoesNotAllow"), Map.of());
			}
			if (cause instanceof TaskAlreadyClaimedException) {
				return new Problem(409, Text.of("problem.task.alreadyClaimed"), Map.of());
			}
			if (cause instanceof OptimisticLockingException) {
				return new Problem(409, Text.of("problem.changedMeanwhile"), Map.of());
			}
			if (cause instanceof FormFieldValidationException || cause instanceof BadUserRequestException
					|| cause instanceof NotValidException) {
				return new Problem(400, engineSaid(cause.getMessage(), "problem.notValidHere"), Map.of());
			}
			if (cause instanceof UnsupportedCharsetException || cause instanceof IllegalCharsetNameException
					|| cause instanceof CharacterCodingException) {
				return new Problem(415, Text.of("problem.charset"), Map.of());
			}
			if (cause instanceof NotFoundException) {
				return new Problem(404, Text.of("problem.noSuchResource"), Map.of());
			}
			if (cause instanceof NullValueException) {
				// The engine's answer to an id that names nothing ("task x doesn't exist", "No job found for id x")
				// or to a value it needs and was not given: the caller's to correct, as its own "not found" refusals.
				return new Problem(400, engineSaid(cause.getMessage(), "problem.notValidHere"), Map.of());
			}
			if (cause instanceof NotAllowedException) {
				return new Problem(405, Text.of("problem.methodNotAllowed"), Map.of());
			}
			if (cause instanceof NotSupportedException) {
				return new Problem(415, Text.of("problem.contentType"), Map.of());
			}
			if (cause instanceof NotAcceptableException) {
				return new Problem(406, Text.of("problem.notAcceptable"), Map.of());
			}
		}
		if (status >= 500) {
			return new Problem(500, Text.of("problem.failedNothingChanged"), Map.of());
		}
		if (status == 403) {
			// A missing permission that a resource passed on as text only (the deployed form of a task or of a start
			// form, among others): the engine's words name the user, the task and its process.
			return new Problem(403, Text.of("problem.roleDoesNotAllow"), Map.of());
		}
		String message = entity instanceof ExceptionDto dto ? dto.getMessage() : null;
		return new Problem(status, engineSaid(message, "problem.refused"), Map.of());
	}

	/**
	 * An engine refusal in its own words (the engine speaks English only), after a lead-in in the reader's language;
	 * the code's text alone when the engine gave none.
	 */
	private static Text engineSaid(String message, String otherwise) {
		if (message == null || message.isBlank()) {
			return Text.of(otherwise);
		}
		return Text.of("problem.engine.refusedBecause",
				message.length() <= LONGEST_DETAIL ? message : message.substring(0, LONGEST_DETAIL) + "…");
	}

	private static boolean isProblem(MediaType type) {
		return type != null && "problem+json".equals(type.getSubtype());
	}

	record Problem(int status, Text detail, Map<String, Text> errors) {
	}
}
