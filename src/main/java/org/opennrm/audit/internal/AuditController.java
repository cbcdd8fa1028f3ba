package org.opennrm.audit.internal;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.opennrm.audit.AuditEventType;
import org.opennrm.audit.AuditTrail.Filter;
import org.opennrm.audit.AuditTrail;
import org.opennrm.audit.TimelineItem;
import org.opennrm.cases.Case;
import org.opennrm.platform.Problems;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The auditor's views of the audit trail and the engine's history; read-only, and every read is audited. */
@RestController
@Validated
@RequestMapping(path = "/api/audit")
@Tag(name = "Audit", description = "Auditors: case timelines, a user's activity, exports, verification of the trail")
class AuditController {

	/**
	 * Looser than {@code UserIds.FORM}: the trail also names whoever failed to sign in, as typed (an e-mail address, a
	 * doubled dot), and an auditor looks those up too.
	 */
	static final String USER_ID = "[A-Za-z0-9._@-]{1,64}";

	static final String FORMAT = "json|csv";

	private final AuditorViews views;

	AuditController(AuditorViews views) {
		this.views = views;
	}

	@GetMapping("/cases/{reference}/timeline")
	@Operation(summary = "A case's timeline: engine history merged with the audit trail, filterable; json or csv")
	ResponseEntity<?> caseTimeline(@PathVariable @Pattern(regexp = Case.REFERENCE) String reference,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(required = false) @Pattern(regexp = USER_ID) String user,
			@RequestParam(required = false) List<AuditEventType> type,
			@RequestParam(defaultValue = "1000") @Min(1) @Max(AuditorViews.LIMIT) int limit,
			@RequestParam(defaultValue = "json") @Pattern(regexp = FORMAT) String format) {
		List<TimelineItem> items = this.views.caseTimeline(reference, filter(from, to, user, type, limit));
		return respond(items, format, "timeline-" + reference);
	}

	@GetMapping("/users/{userId}/activity")
	@Operation(summary = "Everything one user did or read in a period; json or csv")
	ResponseEntity<?> userActivity(@PathVariable @Pattern(regexp = USER_ID) String userId,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(required = false) List<AuditEventType> type,
			@RequestParam(defaultValue = "1000") @Min(1) @Max(AuditorViews.LIMIT) int limit,
			@RequestParam(defaultValue = "json") @Pattern(regexp = FORMAT) String format) {
		List<TimelineItem> items = this.views.userActivity(userId, filter(from, to, null, type, limit));
		return respond(items, format, "activity-" + userId);
	}

	@GetMapping(path = "/verification", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Recompute the hash chain and report the first broken link")
	AuditTrail.Verification verify() {
		return this.views.verify();
	}

	private ResponseEntity<?> respond(List<TimelineItem> items, String format, String name) {
		if (format.equals("json")) {
			return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(items);
		}
		this.views.exported(name, "csv", items.size());
		return SpreadsheetSafeCsv.download(name, items);
	}

	private static Filter filter(Instant from, Instant to, String user, List<AuditEventType> types, int limit) {
		if (from != null && to != null && !from.isBefore(to)) {
			throw Problems.badRequest("problem.audit.fromBeforeTo");
		}
		return new Filter(from, to, user, types == null ? List.of() : types, limit);
	}
}
