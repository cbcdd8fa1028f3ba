package org.opennrm.audit.internal;

import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import org.opennrm.audit.AuditEventType;
import org.opennrm.audit.AuditTrail;
import org.opennrm.audit.AuditTrail.Filter;
import org.opennrm.audit.TimelineItem;
import org.opennrm.cases.Case;
import org.opennrm.i18n.Text;
import org.opennrm.i18n.Texts;
import org.opennrm.security.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The auditor workspace as a page: find a case's timeline or a user's activity in a period, filter it, export it as
 * CSV, verify the trail. Read-only; the same views as {@code /api/audit}, so every look is audited. The page's words,
 * the kinds of event and the names of the engine's steps are said in the reader's language (catalogue codes
 * {@code page.audit.*} and {@code audit.event.*}); what the trail recorded is shown as it was stored.
 */
@Controller
class AuditorPage {

	/** The catalogue codes of the kinds of event: the audit event types and the engine history's kinds. */
	static final String EVENT = "audit.event.";

	/** The engine history's kind of line whose subject is a step of a model, named in English by the engine. */
	private static final String ACTIVITY = "Activity";

	/**
	 * Looser than {@code UserIds.FORM}: the trail also names whoever failed to sign in, as typed (an e-mail address, a
	 * doubled dot), and an auditor looks those up too.
	 */
	private static final String USER_ID = "[A-Za-z0-9._@-]{1,64}";

	/** At most this many lines on the page; the CSV export has the same cut. */
	private static final int PAGE_LIMIT = 1000;

	private final AuditorViews views;

	private final Texts texts;

	private final MessageSource messages;

	AuditorPage(AuditorViews views, Texts texts, MessageSource messages) {
		this.views = views;
		this.texts = texts;
		this.messages = messages;
	}

	@GetMapping("/audit")
	String page(@RequestParam(required = false) String reference, @RequestParam(required = false) String user,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String type, @RequestParam(required = false) String verify, Model model,
			Locale language) {
		model.addAttribute("auditor", CurrentUser.get().userId());
		model.addAttribute("types", AuditEventType.values());
		model.addAttribute("reference", reference);
		model.addAttribute("user", user);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("type", type);
		model.addAttribute("fmt", new Format(this.texts, language));
		model.addAttribute("limit", PAGE_LIMIT);
		if (verify != null) {
			AuditTrail.Verification verification = this.views.verify();
			model.addAttribute("verification", verification);
		}
		if (blank(reference) && blank(user)) {
			return "audit/workspace";
		}
		Query query = query(reference, user, from, to, type, language);
		if (query.error() != null) {
			model.addAttribute("error", query.error());
			return "audit/workspace";
		}
		try {
			List<TimelineItem> items = query.reference() != null
					? this.views.caseTimeline(query.reference(), query.filter())
					: this.views.userActivity(query.user(), query.filter());
			model.addAttribute("items", items);
			model.addAttribute("title", query.reference() != null
					? this.texts.say(language, "page.audit.timelineOf", query.reference())
					: this.texts.say(language, "page.audit.activityOf", query.user()));
		}
		catch (ErrorResponseException problem) {
			model.addAttribute("error", problem.updateAndGetBody(this.messages, language).getDetail());
		}
		return "audit/workspace";
	}

	@GetMapping("/audit/export.csv")
	ResponseEntity<String> export(@RequestParam(required = false) String reference,
			@RequestParam(required = false) String user, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String type, Locale language) {
		Query query = query(reference, user, from, to, type, language);
		if (query.error() != null) {
			return ResponseEntity.badRequest()
				.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
				.body(query.error());
		}
		List<TimelineItem> items = query.reference() != null
				? this.views.caseTimeline(query.reference(), query.filter())
				: this.views.userActivity(query.user(), query.filter());
		String name = query.reference() != null ? "timeline-" + query.reference() : "activity-" + query.user();
		this.views.exported(name, "csv", items.size());
		return SpreadsheetSafeCsv.download(name, items);
	}

	/** What the form asks for, checked: a case reference, or a user and a period. */
	private Query query(String reference, String user, String from, String to, String type, Locale language) {
		if (!blank(reference) && !Case.isReference(reference.strip())) {
			return refused(language, "page.audit.refused.reference");
		}
		if (!blank(user) && !user.strip().matches(USER_ID)) {
			return refused(language, "page.audit.refused.user");
		}
		if (blank(reference) && blank(user)) {
			return refused(language, "page.audit.refused.nothingNamed");
		}
		Instant start = day(from);
		Instant end = day(to) == null ? null : day(to).plusSeconds(86_400);
		if ((!blank(from) && start == null) || (!blank(to) && end == null)) {
			return refused(language, "page.audit.refused.date");
		}
		if (blank(reference) && (start == null || end == null)) {
			return refused(language, "page.audit.refused.period");
		}
		if (start != null && end != null && !start.isBefore(end)) {
			return refused(language, "page.audit.refused.firstAfterLast");
		}
		List<AuditEventType> types = List.of();
		if (!blank(type)) {
			try {
				types = List.of(AuditEventType.valueOf(type));
			}
			catch (IllegalArgumentException ex) {
				return refused(language, "page.audit.refused.type");
			}
		}
		String actor = blank(reference) || blank(user) ? null : user.strip();
		return new Query(blank(reference) ? null : reference.strip(), blank(user) ? null : user.strip(),
				new Filter(start, end, actor, types, PAGE_LIMIT), null);
	}

	private Query refused(Locale language, String code) {
		return new Query(null, null, null, this.texts.say(language, code));
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
	}

	/** Words, numbers and times for the template, in the reader's language. */
	public static final class Format {

		private final Texts texts;

		private final Locale language;

		private final DateTimeFormatter when;

		Format(Texts texts, Locale language) {
			this.texts = texts;
			this.language = language;
			// Seconds kept: an audit timeline is read to the second.
			this.when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.MEDIUM)
				.withLocale(language)
				.withZone(ZoneOffset.UTC);
		}

		/** A moment, the reader's way, in UTC. */
		public String when(Instant instant) {
			return instant == null ? "" : this.texts.say(this.language, "page.audit.when", this.when.format(instant));
		}

		/** A count, the reader's way. */
		public String count(long count) {
			return NumberFormat.getIntegerInstance(this.language).format(count);
		}

		/** A kind of event: an audit event type ({@code SectionRead}) or a kind of engine history line. */
		public String type(String type) {
			return this.texts.sayOr(this.language, EVENT + type, type);
		}

		/**
		 * What a line was done to: the name of a model's step in the reader's language for a line of the engine's
		 * history, what the trail recorded for any other.
		 */
		public String subject(TimelineItem item) {
			return ACTIVITY.equals(item.type()) && item.sequence() == null && item.subject() != null
					? this.texts.say(this.language, Text.modelName(item.subject()))
					: item.subject();
		}
	}
}
