package org.opennrm.tasks.internal;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.opennrm.security.CurrentUser;
import org.opennrm.security.Role;
import org.opennrm.tasks.TaskForm;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A task completed through the engine's REST resources (Tasklist, or a client of {@code /engine-rest}) sets only the
 * fields of its task type: any other variable in the body could change a routing flag of the case (a protection, a
 * lead agency) and is refused before the engine sees it. Writing a task's variables outside its completion is for
 * administrators only. Our own API builds completions from typed bodies and needs no such check.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class EngineTaskVariablesGuard extends OncePerRequestFilter {

	private static final Pattern TASK_PATH = Pattern
		.compile("^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/task/([^/]+)/(complete|submit-form|resolve"
				+ "|variables|localVariables)(/.*)?$");

	private final TaskService taskService;

	private final RepositoryService repositoryService;

	private final TaskForms forms;

	private final ObjectMapper objectMapper;

	EngineTaskVariablesGuard(TaskService taskService, RepositoryService repositoryService, TaskForms forms,
			ObjectMapper objectMapper) {
		this.taskService = taskService;
		this.repositoryService = repositoryService;
		this.forms = forms;
		this.objectMapper = objectMapper;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
				|| "OPTIONS".equals(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Matcher matcher = TASK_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
		if (!matcher.matches() || CurrentUser.find().map(user -> user.has(Role.ADMIN)).orElse(false)) {
			chain.doFilter(request, response);
			return;
		}
		String action = matcher.group(2);
		if (action.equals("variables") || action.equals("localVariables")) {
			refuse(request, response, HttpStatus.FORBIDDEN,
					"A task's variables are written by completing it with its form's fields.");
			return;
		}
		Set<String> unknown = variableNames(request);
		unknown.removeAll(allowed(matcher.group(1)));
		if (!unknown.isEmpty()) {
			refuse(request, response, HttpStatus.BAD_REQUEST,
					"These variables are not fields of the task's form: " + String.join(", ", unknown) + ".");
			return;
		}
		chain.doFilter(request, response);
	}

	/** The fields of the task's type; none for a task the caller cannot see (the engine answers that). */
	private Set<String> allowed(String taskId) {
		Task task = this.taskService.createTaskQuery().taskId(taskId).singleResult();
		if (task == null) {
			return Set.of();
		}
		String processKey = this.repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getKey();
		return this.forms.find(processKey, task.getTaskDefinitionKey())
			.map(TaskForm::type)
			.map(type -> Arrays.stream(type.getRecordComponents())
				.map(component -> component.getName())
				.collect(Collectors.toSet()))
			.orElse(Set.of());
	}

	private Set<String> variableNames(HttpServletRequest request) throws IOException {
		Set<String> names = new TreeSet<>();
		if (request.getContentLengthLong() == 0 || request.getContentType() == null
				|| !MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(request.getContentType()))) {
			return names;
		}
		JsonNode body = this.objectMapper.readTree(request.getInputStream());
		JsonNode variables = body == null ? null : body.get("variables");
		if (variables != null && variables.isObject()) {
			for (Iterator<String> it = variables.fieldNames(); it.hasNext();) {
				names.add(it.next());
			}
		}
		return names;
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.objectMapper.writeValue(response.getOutputStream(), problem);
	}
}
