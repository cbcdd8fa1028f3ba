package org.opennrm.tasks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.opennrm.cases.Case;
import org.opennrm.tasks.TaskPage;
import org.opennrm.tasks.TaskView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/tasks", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Tasks", description = "The tasks I may act on: mine and my groups' unclaimed ones")
class TaskController {

	static final String TASK_ID = "[0-9a-fA-F-]{36}";

	private final TaskActions actions;

	TaskController(TaskActions actions) {
		this.actions = actions;
	}

	@GetMapping
	@Operation(summary = "List my tasks and my groups' unclaimed tasks, most urgent first, optionally of one case")
	TaskPage list(@RequestParam(required = false) @Pattern(regexp = Case.REFERENCE) String caseReference,
			@RequestParam(defaultValue = "0") @Min(0) int firstResult,
			@RequestParam(defaultValue = "15") @Min(1) @Max(100) int maxResults) {
		return this.actions.list(caseReference, firstResult, maxResults);
	}

	@GetMapping("/{taskId}")
	@Operation(summary = "One task I may see")
	TaskView get(@PathVariable @Pattern(regexp = TASK_ID) String taskId) {
		return this.actions.get(taskId);
	}

	@PostMapping("/{taskId}/claim")
	@Operation(summary = "Claim a task; 409 if someone else holds it")
	ResponseEntity<Void> claim(@PathVariable @Pattern(regexp = TASK_ID) String taskId) {
		this.actions.claim(taskId);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{taskId}/unclaim")
	@Operation(summary = "Release a task I hold")
	ResponseEntity<Void> unclaim(@PathVariable @Pattern(regexp = TASK_ID) String taskId) {
		this.actions.unclaim(taskId);
		return ResponseEntity.noContent().build();
	}

	@PostMapping(path = "/{taskId}/complete", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Complete a task I hold, with the body of its task type (see the task's 'form')")
	ResponseEntity<Void> complete(@PathVariable @Pattern(regexp = TASK_ID) String taskId, @RequestBody JsonNode body) {
		this.actions.complete(taskId, body);
		return ResponseEntity.noContent().build();
	}
}
