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
import org.opennrm.platform.ActionRefused;
import org.opennrm.platform.InvalidFields;
import org.opennrm.platform.JsonProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
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

	/** A rule of the engine's (ADR 20) refused it: the rule says why, in words for the user. */
	@ExceptionHandler(ActionRefused.class)
	ProblemDetail refused(ActionRefused ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(ex.status()), ex.getMessage());
	}

	@ExceptionHandler(AuthorizationException.class)
	ProblemDetail forbidden(AuthorizationException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your role does not allow this.");
	}

	@ExceptionHandler({ TaskAlreadyClaimedException.class, OptimisticLockingException.class })
	ProblemDetail conflict(ProcessEngineException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"Someone else changed this at the same moment; reload and try again.");
	}

	@ExceptionHandler({ NotFoundException.class, NullValueException.class })
	ProblemDetail notFound(ProcessEngineException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such resource, or it is not visible to you.");
	}

	@ExceptionHandler(BadUserRequestException.class)
	ProblemDetail badRequest(BadUserRequestException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request is not valid here.");
	}

	@ExceptionHandler(InvalidFields.class)
	ProblemDetail invalidFields(InvalidFields ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Some fields are not valid.");
		problem.setProperty("errors", new TreeMap<>(ex.errors()));
		return problem;
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ProblemDetail constraintViolation(ConstraintViolationException ex) {
		Map<String, String> errors = new TreeMap<>();
		ex.getConstraintViolations()
			.forEach(violation -> errors.put(violation.getPropertyPath().toString(), violation.getMessage()));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Some fields are not valid.");
		problem.setProperty("errors", errors);
		return problem;
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
				return problem.getBody();
			}
			if (cause instanceof ActionRefused refused) {
				return refused(refused);
			}
			if (cause instanceof AuthorizationException denied) {
				return forbidden(denied);
			}
		}
		log.error("Request failed in the engine or the database ({})", ex.getClass().getSimpleName(), ex);
		return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The request could not be completed. Nothing was changed.");
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Map<String, String> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.collect(Collectors.toMap(error -> error.getField(),
					error -> error.getDefaultMessage() == null ? "invalid" : error.getDefaultMessage(),
					(first, second) -> first, TreeMap::new));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Some fields are not valid.");
		problem.setProperty("errors", errors);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, unreadableBody(ex));
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	/** Names the path variable or parameter that is wrong without echoing the value sent. */
	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = ex.getPropertyName() == null ? "A path or query value" : "'" + ex.getPropertyName() + "'";
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, name + " has the wrong type.");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	/** Names the field that is wrong (unknown, of the wrong type) without echoing the value sent. */
	static String unreadableBody(HttpMessageNotReadableException ex) {
		if (ex.getCause() instanceof JsonProcessingException json) {
			return JsonProblems.describe(json);
		}
		return "The request body is missing or cannot be read.";
	}
}
