package org.opennrm.casework.internal;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.opennrm.cases.Case;
import org.opennrm.casework.CaseView;
import org.opennrm.casework.OpenCase;
import org.opennrm.consent.ConsentPurpose;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/cases", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Cases", description = "Open a case, follow where it stands, record what arrives at any time")
class CaseController {

	private final CaseWorkflows workflows;

	CaseController(CaseWorkflows workflows) {
		this.workflows = workflows;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Open a case for my agency with a minimal, non-identifying intake; screening comes next")
	ResponseEntity<CaseView> open(@Valid @RequestBody OpenCase intake) {
		CaseView opened = CaseView.of(this.workflows.open(intake));
		return ResponseEntity.created(URI.create("/api/cases/" + opened.reference())).body(opened);
	}

	@GetMapping("/{reference}")
	@Operation(summary = "Where a case stands (registry facts only, no personal data)")
	CaseView get(@PathVariable @Pattern(regexp = Case.REFERENCE) String reference) {
		return CaseView.of(this.workflows.find(reference));
	}

	@PostMapping(path = "/{reference}/consent-withdrawals", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Record that the person (or a child's guardian) withdrew consent for a purpose; "
			+ "it takes effect at once and never stops the person's own services")
	ResponseEntity<Void> withdrawConsent(@PathVariable @Pattern(regexp = Case.REFERENCE) String reference,
			@Valid @RequestBody ConsentWithdrawal withdrawal) {
		this.workflows.withdrawConsent(reference, withdrawal.purpose(), withdrawal.recipient());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{reference}/new-evidence")
	@Operation(summary = "Reopen a negative formal identification decision with new evidence, within its window")
	ResponseEntity<Void> newEvidence(@PathVariable @Pattern(regexp = Case.REFERENCE) String reference) {
		this.workflows.submitNewEvidence(reference);
		return ResponseEntity.noContent().build();
	}

	/**
	 * @param purpose what consent is withdrawn for
	 * @param recipient the agency, when withdrawing consent to share with it; the country (ISO 3166 code), when
	 * withdrawing consent to a transnational referral
	 */
	record ConsentWithdrawal(@NotNull ConsentPurpose purpose,
			@Pattern(regexp = "[a-z]{2,20}|[A-Z]{2}", message = "an agency (police, social, health, ngo) or a country code")
			String recipient) {
	}
}
