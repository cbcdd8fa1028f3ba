package org.opennrm.oversight.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.opennrm.oversight.TasksReassigned;
import org.opennrm.security.CurrentUser;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The supervisor workspace as a page: server-rendered HTML, one form per action, every action answered by a redirect
 * back to the page with what happened (post, redirect, get). The same services and rules as the JSON API.
 */
@Controller
class OversightPage {

	static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

	private final Supervision supervision;

	private final Reassignments reassignments;

	private final Absences absences;

	private final Validator validator;

	OversightPage(Supervision supervision, Reassignments reassignments, Absences absences, Validator validator) {
		this.supervision = supervision;
		this.reassignments = reassignments;
		this.absences = absences;
		this.validator = validator;
	}

	@GetMapping("/oversight")
	String page(Model model) {
		model.addAttribute("user", CurrentUser.get().userId());
		model.addAttribute("cases", this.supervision.caseCounts());
		model.addAttribute("tasks", this.supervision.deadlineTasks(null));
		model.addAttribute("workload", this.supervision.workload());
		model.addAttribute("escalations", this.supervision.escalations());
		model.addAttribute("absences", this.absences.current());
		model.addAttribute("today", this.absences.today().toString());
		model.addAttribute("fmt", new Format());
		return "oversight/workspace";
	}

	@PostMapping("/oversight/reassignments")
	String reassign(@RequestParam(required = false) List<String> taskIds, @RequestParam String assignee,
			@RequestParam String reason, RedirectAttributes redirect) {
		ReassignTasks request = new ReassignTasks(taskIds == null ? List.of() : taskIds, assignee.strip(), reason);
		if (valid(request, redirect)) {
			try {
				TasksReassigned done = this.reassignments.reassign(request);
				redirect.addFlashAttribute("message",
						done.tasks().size() + " task(s) reassigned to " + request.assignee() + ".");
			}
			catch (ErrorResponseException problem) {
				refused(problem, redirect);
			}
		}
		return "redirect:/oversight#deadlines";
	}

	@PostMapping("/oversight/absences")
	String recordAbsence(@RequestParam String userId, @RequestParam String from, @RequestParam String to,
			@RequestParam String substitute, @RequestParam String reason, RedirectAttributes redirect) {
		LocalDate first = date(from);
		LocalDate last = date(to);
		RecordAbsence request = new RecordAbsence(userId.strip(), first, last, substitute.strip(), reason);
		if (valid(request, redirect)) {
			try {
				Absence absence = this.absences.record(request);
				redirect.addFlashAttribute("message", "Absence of " + absence.userId() + " recorded; "
						+ absence.substitute() + " covers their tasks from " + absence.firstDay() + " to "
						+ absence.lastDay() + ".");
			}
			catch (ErrorResponseException problem) {
				refused(problem, redirect);
			}
		}
		return "redirect:/oversight#absences";
	}

	@PostMapping("/oversight/absences/{absenceId}/end")
	String endAbsence(@PathVariable String absenceId, RedirectAttributes redirect) {
		try {
			this.absences.end(absenceId);
			redirect.addFlashAttribute("message", "Absence ended; the cover has been withdrawn.");
		}
		catch (ErrorResponseException problem) {
			refused(problem, redirect);
		}
		return "redirect:/oversight#absences";
	}

	private <T> boolean valid(T request, RedirectAttributes redirect) {
		List<ConstraintViolation<T>> violations = new ArrayList<>(this.validator.validate(request));
		if (violations.isEmpty()) {
			return true;
		}
		Map<String, String> errors = new TreeMap<>();
		violations.forEach(violation -> errors.put(label(violation.getPropertyPath().toString()), violation.getMessage()));
		redirect.addFlashAttribute("error", "Nothing was changed. Please correct the following:");
		redirect.addFlashAttribute("errors", errors);
		return false;
	}

	private static void refused(ErrorResponseException problem, RedirectAttributes redirect) {
		ProblemDetail body = problem.getBody();
		redirect.addFlashAttribute("error", body.getDetail());
		Object errors = body.getProperties() == null ? null : body.getProperties().get("errors");
		if (errors instanceof Map<?, ?> map) {
			Map<String, String> labelled = new TreeMap<>();
			map.forEach((field, message) -> labelled.put(label(String.valueOf(field)), String.valueOf(message)));
			redirect.addFlashAttribute("errors", labelled);
		}
	}

	private static String label(String field) {
		return switch (field) {
			case "taskIds" -> "Selected tasks";
			case "assignee" -> "New assignee";
			case "reason" -> "Reason";
			case "userId" -> "Absent worker";
			case "from" -> "First day away";
			case "to" -> "Last day away";
			case "substitute" -> "Substitute";
			default -> field.startsWith("taskIds") ? "Selected tasks" : field;
		};
	}

	private static LocalDate date(String value) {
		try {
			return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** Formatting for the template. */
	public static final class Format {

		public String when(Instant instant) {
			return instant == null ? "" : WHEN.format(instant);
		}
	}
}
