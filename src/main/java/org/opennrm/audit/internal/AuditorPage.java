package org.opennrm.audit.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.opennrm.audit.AuditEventType;
import org.opennrm.audit.AuditTrail;
import org.opennrm.audit.AuditTrail.Filter;
import org.opennrm.audit.TimelineItem;
import org.opennrm.security.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The auditor workspace as a page: find a case's timeline or a user's activity in a period, filter it, export it as
 * CSV, verify the trail. Read-only; the same views as {@code /api/audit}, so every look is audited.
 */
@Controller
class AuditorPage {

	static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	private static final String REFERENCE = "[A-Z]{2,10}-[0-9]{4}-[0-9]{6,}";

	private static final String USER_ID = "[A-Za-z0-9._@-]{1,64}";

	/** At most this many lines on the page; the CSV export has the same cut. */
	private static final int PAGE_LIMIT = 1000;

	private final AuditorViews views;

	AuditorPage(AuditorViews views) {
		this.views = views;
	}

	@GetMapping("/audit")
	String page(@RequestParam(required = false) String reference, @RequestParam(required = false) String user,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String type, @RequestParam(required = false) String verify, Model model) {
		model.addAttribute("auditor", CurrentUser.get().userId());
		model.addAttribute("types", AuditEventType.values());
		model.addAttribute("reference", reference);
		model.addAttribute("user", user);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("type", type);
		model.addAttribute("fmt", new Format());
		model.addAttribute("limit", PAGE_LIMIT);
		if (verify != null) {
			AuditTrail.Verification verification = this.views.verify();
			model.addAttribute("verification", verification);
		}
		if (blank(reference) && blank(user)) {
			return "audit/workspace";
		}
		Query query = query(reference, user, from, to, type);
		if (query.error() != null) {
			model.addAttribute("error", query.error());
			return "audit/workspace";
		}
		try {
			List<TimelineItem> items = query.reference() != null
					? this.views.caseTimeline(query.reference(), query.filter())
					: this.views.userActivity(query.user(), query.filter());
			model.addAttribute("items", items);
			model.addAttribute("title", query.reference() != null ? "Timeline of case " + query.reference()
					: "Activity of " + query.user());
		}
		catch (ErrorResponseException problem) {
			model.addAttribute("error", problem.getBody().getDetail());
		}
		return "audit/workspace";
	}

	@GetMapping("/audit/export.csv")
	ResponseEntity<String> export(@RequestParam(required = false) String reference,
			@RequestParam(required = false) String user, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String type) {
		Query query = query(reference, user, from, to, type);
		if (query.error() != null) {
			return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(query.error());
		}
		List<TimelineItem> items = query.reference() != null
				? this.views.caseTimeline(query.reference(), query.filter())
				: this.views.userActivity(query.user(), query.filter());
		String name = query.reference() != null ? "timeline-" + query.reference() : "activity-" + query.user();
		this.views.exported(name, "csv", items.size());
		return SpreadsheetSafeCsv.download(name, items);
	}

	/** What the form asks for, checked: a case reference, or a user and a period. */
	private static Query query(String reference, String user, String from, String to, String type) {
		if (!blank(reference) && !reference.strip().matches(REFERENCE)) {
			return Query.refused("A case reference looks like DEMO-2026-000004.");
		}
		if (!blank(user) && !user.strip().matches(USER_ID)) {
			return Query.refused("That is not a user id.");
		}
		if (blank(reference) && blank(user)) {
			return Query.refused("Name a case or a user.");
		}
		Instant start = day(from);
		Instant end = day(to) == null ? null : day(to).plusSeconds(86_400);
		if ((!blank(from) && start == null) || (!blank(to) && end == null)) {
			return Query.refused("Dates are written as 2026-11-28.");
		}
		if (blank(reference) && (start == null || end == null)) {
			return Query.refused("A user's activity needs a period: a first and a last day.");
		}
		if (start != null && end != null && !start.isBefore(end)) {
			return Query.refused("The first day must not be after the last day.");
		}
		List<AuditEventType> types = List.of();
		if (!blank(type)) {
			try {
				types = List.of(AuditEventType.valueOf(type));
			}
			catch (IllegalArgumentException ex) {
				return Query.refused("No such kind of event.");
			}
		}
		String actor = blank(reference) || blank(user) ? null : user.strip();
		return new Query(blank(reference) ? null : reference.strip(), blank(user) ? null : user.strip(),
				new Filter(start, end, actor, types, PAGE_LIMIT), null);
	}

	private static Instant day(String value) {
		try {
			return blank(value) ? null : LocalDate.parse(value.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private record Query(String reference, String user, Filter filter, String error) {

		static Query refused(String error) {
			return new Query(null, null, null, error);
		}
	}

	/** Formatting for the template. */
	public static final class Format {

		public String when(Instant instant) {
			return instant == null ? "" : WHEN.format(instant);
		}

		/** A type's name as words: {@code SectionRead} → "Section read". */
		public String words(String type) {
			String spaced = type.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
			return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
		}
	}
}
