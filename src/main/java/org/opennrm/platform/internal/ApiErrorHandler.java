package org.opennrm.platform.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.validation.ConstraintViolationException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.opennrm.i18n.Text;
import org.opennrm.i18n.Texts;
import org.opennrm.platform.ActionRefused;
import org.opennrm.platform.InvalidFields;
import org.opennrm.platform.JsonProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error of our API into a problem response (RFC 9457) with a status that says what happened and a text
 * that helps the caller, never a stack trace, SQL or an engine message that could carry data.
 * <p>
 * It applies to every Spring MVC request, not only to our controllers: a request refused before a controller is
 * chosen (an unsupported content type, a method the path does not take, no such path) has no controller, and an advice
 * limited to our packages would leave it to the container's error page.
 */
@RestControllerAdvice
class ApiErrorHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

	private final Texts texts;

	ApiErrorHandler(Texts texts) {
		this.texts = texts;
	}

	/** A rule of the engine's (ADR 20) refused it: the rule says why, in words for the user. */
	@ExceptionHandler(ActionRefused.class)
	ProblemDetail refused(ActionRefused ex) {
		return problem(HttpStatus.valueOf(ex.status()), this.texts.say(ex.text()));
	}

	@ExceptionHandler(AuthorizationException.class)
	ProblemDetail forbidden(AuthorizationException ex) {
		return problem(HttpStatus.FORBIDDEN, this.texts.say("problem.roleDoesNotAllow"));
	}

	@ExceptionHandler({ TaskAlreadyClaimedException.class, OptimisticLockingException.class })
	ProblemDetail conflict(ProcessEngineException ex) {
		return problem(HttpStatus.CONFLICT, this.texts.say("problem.changedMeanwhile"));
	}

	@ExceptionHandler({ NotFoundException.class, NullValueException.class })
	ProblemDetail notFound(ProcessEngineException ex) {
		return problem(HttpStatus.NOT_FOUND, this.texts.say("problem.notFoundOrNotVisible"));
	}

	@ExceptionHandler(BadUserRequestException.class)
	ProblemDetail badRequest(BadUserRequestException ex) {
		return problem(HttpStatus.BAD_REQUEST, this.texts.say("problem.notValidHere"));
	}

	@ExceptionHandler(InvalidFields.class)
	ProblemDetail invalidFields(InvalidFields ex) {
		Map<String, String> errors = new TreeMap<>();
		ex.errors().forEach((field, text) -> errors.put(field, this.texts.say(text)));
		return invalid(errors);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ProblemDetail constraintViolation(ConstraintViolationException ex) {
		Map<String, String> errors = new TreeMap<>();
		ex.getConstraintViolations()
			.forEach(violation -> errors.put(violation.getPropertyPath().toString(), violation.getMessage()));
		return invalid(errors);
	}

	/**
	 * The engine wraps what a listener or delegate throws: a rule refusal (invalid fields, a problem we raised, a
	 * missing authorization) deep in the cause chain still answers as itself, not as a failure of the service.
	 */
	@ExceptionHandler({ ProcessEngineException.class, DataAccessException.class })
	ProblemDetail internal(RuntimeException ex) {
		for (Throwable cause = ex.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
			if (cause instanceof InvalidFields invalid) {
				return invalidFields(invalid);
			}
			if (cause instanceof ErrorResponseException problem) {
				return titled(problem.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale()));
			}
			if (cause instanceof ActionRefused refused) {
				return refused(refused);
			}
			if (cause instanceof AuthorizationException denied) {
				return forbidden(denied);
			}
		}
		log.error("Request failed in the engine or the database ({})", ex.getClass().getSimpleName(), ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, this.texts.say("problem.failedNothingChanged"));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Map<String, String> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.collect(Collectors.toMap(error -> error.getField(),
					error -> error.getDefaultMessage() == null ? this.texts.say("problem.fieldInvalid")
							: error.getDefaultMessage(),
					(first, second) -> first, TreeMap::new));
		return handleExceptionInternal(ex, invalid(errors), headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, this.texts.say(unreadableBody(ex)));
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	/** Names the path variable or parameter that is wrong without echoing the value sent. */
	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String detail = ex.getPropertyName() == null ? this.texts.say("problem.valueWrongType")
				: this.texts.say("problem.namedValueWrongType", ex.getPropertyName());
		return handleExceptionInternal(ex, problem(HttpStatus.BAD_REQUEST, detail), headers, HttpStatus.BAD_REQUEST,
				request);
	}

	/**
	 * Every problem this advice answers, Spring's own included, leaves titled in the caller's language (Spring words
	 * the details of its own exceptions from the catalogue's {@code problemDetail.*} codes).
	 */
	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		return super.createResponseEntity(body instanceof ProblemDetail problem ? titled(problem) : body, headers,
				statusCode, request);
	}

	/** Names the field that is wrong (unknown, of the wrong type) without echoing the value sent. */
	static Text unreadableBody(HttpMessageNotReadableException ex) {
		if (ex.getCause() instanceof JsonProcessingException json) {
			return JsonProblems.describe(json);
		}
		return Text.of("problem.bodyUnreadable");
	}

	private ProblemDetail invalid(Map<String, String> errors) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, this.texts.say("problem.invalidFields"));
		problem.setProperty("errors", errors);
		return problem;
	}

	private ProblemDetail problem(HttpStatus status, String detail) {
		return titled(ProblemDetail.forStatusAndDetail(status, detail));
	}

	private ProblemDetail titled(ProblemDetail problem) {
		problem.setTitle(this.texts.sayOr(LocaleContextHolder.getLocale(), "problem.title." + problem.getStatus(),
				problem.getTitle()));
		return problem;
	}
}
