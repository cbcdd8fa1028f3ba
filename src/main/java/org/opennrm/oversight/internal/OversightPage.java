package org.opennrm.oversight.internal;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.opennrm.cases.Case;
import org.opennrm.child.ChangeGuardian;
import org.opennrm.child.GuardianChanged;
import org.opennrm.child.Guardianship;
import org.opennrm.i18n.ProcessTexts;
import org.opennrm.i18n.Text;
import org.opennrm.i18n.Texts;
import org.opennrm.oversight.TasksReassigned;
import org.opennrm.oversight.internal.Views.DeadlineState;
import org.opennrm.oversight.internal.Views.DeadlineTask;
import org.opennrm.oversight.internal.Views.Escalation;
import org.opennrm.platform.InvalidFields;
import org.opennrm.platform.UserIds;
import org.opennrm.security.CurrentUser;
import org.springframework.context.MessageSource;
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
 * back to the page with what happened (post, redirect, get). The same services and rules as the JSON API. Its words
 * come from the catalogue ({@code page.oversight.*}) in the reader's language, as do the names of tasks, groups, stages
 * and clocks; times are written the reader's way, in UTC.
 */
@Controller
class OversightPage {

	/** The catalogue codes of the stages of open cases: {@code Presumed}, {@code FollowUp}, ... */
	static final String STAGE = "page.oversight.stage.";

	/** The catalogue codes of the deadline clocks of the jurisdiction profiles. */
	static final String CLOCK = "page.oversight.clock.";

	private final Supervision supervision;

	private final Reassignments reassignments;

	private final Absences absences;

	private final Guardianship guardianship;

	private final Validator validator;

	private final Texts texts;

	private final MessageSource messages;

	OversightPage(Supervision supervision, Reassignments reassignments, Absences absences, Guardianship guardianship,
			Validator validator, Texts texts, MessageSource messages) {
		this.supervision = supervision;
		this.reassignments = reassignments;
		this.absences = absences;
		this.guardianship = guardianship;
		this.validator = validator;
		this.texts = texts;
		this.messages = messages;
	}

	@GetMapping("/oversight")
	String page(Model model, Locale language) {
		model.addAttribute("user", CurrentUser.get().userId());
		model.addAttribute("cases", this.supervision.caseCounts());
		model.addAttribute("tasks", this.supervision.deadlineTasks(null));
		model.addAttribute("workload", this.supervision.workload());
		model.addAttribute("escalations", this.supervision.escalations());
		model.addAttribute("absences", this.absences.current());
		model.addAttribute("today", this.absences.today().toString());
		model.addAttribute("fmt", new Format(this.texts, language));
		model.addAttribute("referencePattern", Case.REFERENCE);
		model.addAttribute("userIdPattern", UserIds.FORM);
		model.addAttribute("userIdMaxLength", UserIds.MAX_LENGTH);
		return "oversight/workspace";
	}

	@PostMapping("/oversight/reassignments")
	String reassign(@RequestParam(required = false) List<String> taskIds, @RequestParam String assignee,
			@RequestParam String reason, RedirectAttributes redirect, Locale language) {
		ReassignTasks request = new ReassignTasks(taskIds == null ? List.of() : taskIds, assignee.strip(), reason);
		if (valid(request, redirect, language)) {
			try {
				TasksReassigned done = this.reassignments.reassign(request);
				redirect.addFlashAttribute("message", this.texts.say(language, "page.oversight.reassigned",
						String.valueOf(done.tasks().size()), request.assignee()));
			}
			catch (ErrorResponseException problem) {
				refused(problem, redirect, language);
			}
		}
		return "redirect:/oversight#deadlines";
	}

	@PostMapping("/oversight/absences")
	String recordAbsence(@RequestParam String userId, @RequestParam String from, @RequestParam String to,
			@RequestParam String substitute, @RequestParam String reason, RedirectAttributes redirect,
			Locale language) {
		LocalDate first = date(from);
		LocalDate last = date(to);
		RecordAbsence request = new RecordAbsence(userId.strip(), first, last, substitute.strip(), reason);
		if (valid(request, redirect, language)) {
			try {
				Absence absence = this.absences.record(request);
				Format format = new Format(this.texts, language);
				redirect.addFlashAttribute("message", this.texts.say(language, "page.oversight.absenceRecorded",
						absence.userId(), absence.substitute(), format.day(absence.firstDay()),
						format.day(absence.lastDay())));
			}
			catch (ErrorResponseException problem) {
				refused(problem, redirect, language);
			}
			catch (InvalidFields invalid) {
				notChanged(invalid, redirect, language);
			}
		}
		return "redirect:/oversight#absences";
	}

	@PostMapping("/oversight/absences/{absenceId}/end")
	String endAbsence(@PathVariable String absenceId, RedirectAttributes redirect, Locale language) {
		try {
			this.absences.end(absenceId);
			redirect.addFlashAttribute("message", this.texts.say(language, "page.oversight.absenceEnded"));
		}
		catch (ErrorResponseException problem) {
			refused(problem, redirect, language);
		}
		return "redirect:/oversight#absences";
	}

	@PostMapping("/oversight/guardians")
	String changeGuardian(@RequestParam String reference, @RequestParam String guardianUserId,
			@RequestParam String reason, RedirectAttributes redirect, Locale language) {
		String caseReference = reference.strip();
		ChangeGuardian request = new ChangeGuardian(guardianUserId.strip(), reason);
		Map<String, String> errors = violations(request, language);
		if (!Case.isReference(caseReference)) {
			errors.put(label("reference", language), this.texts.say(language, "problem.case.notAReference"));
		}
		if (!errors.isEmpty()) {
			notChanged(errors, redirect, language);
		}
		else {
			try {
				GuardianChanged changed = this.guardianship.change(caseReference, request);
				redirect.addFlashAttribute("message", this.texts.say(language, "page.oversight.guardianChanged",
						changed.reference(), changed.to()));
			}
			catch (ErrorResponseException problem) {
				refused(problem, redirect, language);
			}
			catch (InvalidFields invalid) {
				notChanged(invalid, redirect, language);
			}
		}
		return "redirect:/oversight#guardians";
	}

	/** Checks the request's rules; if any is broken, says which, field by field (Bean Validation's words). */
	private <T> boolean valid(T request, RedirectAttributes redirect, Locale language) {
		Map<String, String> errors = violations(request, language);
		if (errors.isEmpty()) {
			return true;
		}
		notChanged(errors, redirect, language);
		return false;
	}

	/** The request's broken rules, under the form's name for each field. */
	private <T> Map<String, String> violations(T request, Locale language) {
		Map<String, String> errors = new TreeMap<>();
		for (ConstraintViolation<T> violation : this.validator.validate(request)) {
			errors.put(label(violation.getPropertyPath().toString(), language), violation.getMessage());
		}
		return errors;
	}

	/** A service's field errors, each under the form's name for its field. */
	private void notChanged(InvalidFields invalid, RedirectAttributes redirect, Locale language) {
		Map<String, String> errors = new TreeMap<>();
		invalid.errors().forEach((field, text) -> errors.put(label(field, language), this.texts.say(language, text)));
		notChanged(errors, redirect, language);
	}

	private void notChanged(Map<String, String> errors, RedirectAttributes redirect, Locale language) {
		redirect.addFlashAttribute("error", this.texts.say(language, "page.oversight.notChanged"));
		redirect.addFlashAttribute("errors", errors);
	}

	private void refused(ErrorResponseException problem, RedirectAttributes redirect, Locale language) {
		redirect.addFlashAttribute("error", problem.updateAndGetBody(this.messages, language).getDetail());
	}

	/** The form's name for a field ({@code taskIds[0]} is one of the selected tasks). */
	private String label(String field, Locale language) {
		return switch (field) {
			case "assignee" -> this.texts.say(language, "page.oversight.field.assignee");
			case "reason" -> this.texts.say(language, "page.oversight.field.reason");
			case "userId" -> this.texts.say(language, "page.oversight.field.userId");
			case "from" -> this.texts.say(language, "page.oversight.field.from");
			case "to" -> this.texts.say(language, "page.oversight.field.to");
			case "substitute" -> this.texts.say(language, "page.oversight.field.substitute");
			case "guardianUserId" -> this.texts.say(language, "page.oversight.field.guardianUserId");
			case "reference" -> this.texts.say(language, "page.oversight.field.reference");
			default -> field.startsWith("taskIds") ? this.texts.say(language, "page.oversight.field.taskIds") : field;
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

	/** Words, names, numbers and times for the template, in the reader's language. */
	public static final class Format {

		private final Texts texts;

		private final Locale language;

		private final DateTimeFormatter when;

		private final DateTimeFormatter day;

		Format(Texts texts, Locale language) {
			this.texts = texts;
			this.language = language;
			this.when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
				.withLocale(language)
				.withZone(ZoneOffset.UTC);
			this.day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(language);
		}

		/** A moment, the reader's way, in UTC. */
		public String when(Instant instant) {
			return instant == null ? "" : say("page.oversight.when", this.when.format(instant));
		}

		/** A day, the reader's way. */
		public String day(LocalDate day) {
			return day == null ? "" : this.day.format(day);
		}

		/** A count, the reader's way. */
		public String count(long count) {
			return NumberFormat.getIntegerInstance(this.language).format(count);
		}

		/** A stage of the open cases: a person status ({@code Presumed}) or {@code FollowUp}. */
		public String stage(String stage) {
			return say(STAGE + stage);
		}

		public String state(DeadlineState state) {
			return say(switch (state) {
				case OnTime -> "page.oversight.state.OnTime";
				case DueSoon -> "page.oversight.state.DueSoon";
				case Overdue -> "page.oversight.state.Overdue";
			});
		}

		/** One of our groups by its name; a group the catalogues do not name, by its id. */
		public String group(String groupId) {
			return groupId == null ? "" : this.texts.say(this.language, Text.orElse(ProcessTexts.group(groupId), groupId));
		}

		/** Groups by their names, as a list. */
		public String groups(List<String> groupIds) {
			return this.texts.say(this.language, ProcessTexts.groups(groupIds));
		}

		public String task(DeadlineTask task) {
			return taskName(task.processDefinitionId(), task.taskType(), task.name());
		}

		public String task(Escalation escalation) {
			return taskName(escalation.processDefinitionId(), escalation.taskType(), escalation.name());
		}

		/** The overdue task an escalation is about, by the English name the escalation keeps of it. */
		public String overdueTask(Escalation escalation) {
			return escalation.overdueTaskName() == null ? ""
					: this.texts.say(this.language, Text.modelName(escalation.overdueTaskName()));
		}

		/** A deadline clock of the jurisdiction profiles; a clock the catalogues do not name, by its id. */
		public String clock(String clock) {
			return clock == null ? "" : this.texts.sayOr(this.language, CLOCK + clock, clock);
		}

		private String taskName(String processDefinitionId, String taskDefinitionKey, String englishName) {
			return this.texts.say(this.language,
					ProcessTexts.taskName(processDefinitionId, taskDefinitionKey, englishName));
		}

		private String say(String code, Object... arguments) {
			return this.texts.say(this.language, code, arguments);
		}
	}
}
