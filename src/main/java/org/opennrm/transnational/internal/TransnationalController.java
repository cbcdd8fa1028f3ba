package org.opennrm.transnational.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.opennrm.casefile.SectionContent;
import org.opennrm.cases.Case;
import org.opennrm.platform.Problems;
import org.opennrm.transnational.IncomingReferral;
import org.opennrm.transnational.ProposeTransnationalReferral;
import org.opennrm.transnational.TransnationalReferral;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Transnational referral", description = "Refer a person to another country's referral mechanism, and "
		+ "answer referrals from other countries")
class TransnationalController {

	/**
	 * Checked here, as the case reference is ({@code Case.isReference}), not by a constraint on the path variable
	 * (which would turn on method validation).
	 */
	static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private final ReferralProposals proposals;

	private final ReferralViews views;

	TransnationalController(ReferralProposals proposals, ReferralViews views) {
		this.proposals = proposals;
		this.views = views;
	}

	@PostMapping(path = "/api/cases/{reference}/transnational-referrals", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Propose to refer the person to a peer country's instance with chosen case file fields "
			+ "(agency leading the case); the person's or guardian's consent and the national coordinator's approval "
			+ "follow as tasks")
	ResponseEntity<TransnationalReferral> propose(@PathVariable String reference,
			@Valid @RequestBody ProposeTransnationalReferral body) {
		requireReference(reference);
		String id = this.proposals.propose(reference, body).id();
		TransnationalReferral proposed = this.views.ofCase(reference)
			.stream()
			.filter(referral -> referral.id().equals(id))
			.findFirst()
			.orElseThrow();
		return ResponseEntity.created(URI.create("/api/cases/" + reference + "/transnational-referrals/" + id))
			.body(proposed);
	}

	@GetMapping(path = "/api/cases/{reference}/transnational-referrals", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Where the case's referrals abroad stand (lead agency, supervisors, national coordinator, "
			+ "auditors): status, delivery, the fields' names, the package hash, every step")
	List<TransnationalReferral> ofCase(@PathVariable String reference) {
		requireReference(reference);
		return this.views.ofCase(reference);
	}

	@GetMapping(path = "/api/transnational/referrals", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Every referral this instance sent and received, newest first (national coordinator)")
	Map<String, Object> all() {
		return Map.of("outgoing", this.views.outgoing(), "incoming", this.views.incoming());
	}

	@GetMapping(path = "/api/transnational/incoming/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "One incoming referral (national coordinator)")
	IncomingReferral incoming(@PathVariable String id) {
		requireId(id);
		return this.views.incoming(id);
	}

	@GetMapping(path = "/api/transnational/incoming/{id}/content", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "What an incoming referral carries, while it waits for the answer (national coordinator; "
			+ "audited)")
	Map<String, SectionContent> content(@PathVariable String id) {
		requireId(id);
		return this.views.content(id);
	}

	private static void requireReference(String reference) {
		if (!Case.isReference(reference)) {
			throw Problems.badRequest("problem.case.notAReference");
		}
	}

	private static void requireId(String id) {
		if (!ID.matcher(id).matches()) {
			throw Problems.badRequest("problem.transnational.notAReferralId");
		}
	}
}
