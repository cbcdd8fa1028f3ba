package org.opennrm.oversight.internal;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.opennrm.oversight.TasksReassigned;
import org.opennrm.oversight.internal.Views.CaseCounts;
import org.opennrm.oversight.internal.Views.DeadlineState;
import org.opennrm.oversight.internal.Views.DeadlineTask;
import org.opennrm.oversight.internal.Views.Escalation;
import org.opennrm.oversight.internal.Views.Workload;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The supervisor workspace as JSON; supervisors only (see the security configuration). */
@RestController
@Validated
@RequestMapping(path = "/api/oversight", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Supervisor workspace", description = "Cases, deadlines, workload and escalations; reassignments and absences")
class OversightController {

	private final Supervision supervision;

	private final Reassignments reassignments;

	private final Absences absences;

	OversightController(Supervision supervision, Reassignments reassignments, Absences absences) {
		this.supervision = supervision;
		this.reassignments = reassignments;
		this.absences = absences;
	}

	@GetMapping("/cases")
	@Operation(summary = "Open cases counted by stage, lead agency and jurisdiction")
	CaseCounts cases() {
		return this.supervision.caseCounts();
	}

	@GetMapping("/tasks")
	@Operation(summary = "Open tasks that are overdue or due soon (past the jurisdiction's reminder), most urgent first")
	List<DeadlineTask> tasks(@RequestParam(required = false) @Pattern(regexp = "overdue|due-soon",
			message = "{validation.oversight.state}") String state) {
		DeadlineState wanted = state == null ? null : "overdue".equals(state) ? DeadlineState.Overdue : DeadlineState.DueSoon;
		return this.supervision.deadlineTasks(wanted);
	}

	@GetMapping("/workload")
	@Operation(summary = "Open tasks per assignee and per candidate group")
	Workload workload() {
		return this.supervision.workload();
	}

	@GetMapping("/escalations")
	@Operation(summary = "Escalations waiting: overdue tasks to follow up, escalated cases to review")
	List<Escalation> escalations() {
		return this.supervision.escalations();
	}

	@PostMapping(path = "/reassignments", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Reassign tasks to one worker with a reason, all or nothing; 400 names a task the worker may "
			+ "not take, 409 a task that is gone")
	TasksReassigned reassign(@Valid @RequestBody ReassignTasks request) {
		return this.reassignments.reassign(request);
	}

	@PostMapping(path = "/absences", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Record an absence; the substitute covers the worker's assigned tasks from the first to the "
			+ "last day")
	ResponseEntity<Absence> recordAbsence(@Valid @RequestBody RecordAbsence request) {
		Absence absence = this.absences.record(request);
		return ResponseEntity.created(URI.create("/api/oversight/absences/" + absence.id())).body(absence);
	}

	@GetMapping("/absences")
	@Operation(summary = "Absences not yet over")
	List<Absence> absences() {
		return this.absences.current();
	}

	@DeleteMapping("/absences/{absenceId}")
	@Operation(summary = "End an absence now; the cover ends with it")
	ResponseEntity<Void> endAbsence(@PathVariable @Pattern(regexp = "[0-9a-f-]{36}") String absenceId) {
		this.absences.end(absenceId);
		return ResponseEntity.noContent().build();
	}
}
