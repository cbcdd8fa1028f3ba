package org.opennrm.referral.internal;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.opennrm.cases.Case;
import org.opennrm.referral.OpenCase;
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
@Tag(name = "Cases", description = "Open a case and follow where it stands")
class CaseController {

	static final String REFERENCE = "[A-Z]{2,10}-[0-9]{4}-[0-9]{6,}";

	private final CaseReferrals referrals;

	CaseController(CaseReferrals referrals) {
		this.referrals = referrals;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Open a case for my agency with a minimal, non-identifying intake; screening comes next")
	ResponseEntity<Case> open(@Valid @RequestBody OpenCase intake) {
		Case opened = this.referrals.open(intake);
		return ResponseEntity.created(URI.create("/api/cases/" + opened.reference())).body(opened);
	}

	@GetMapping("/{reference}")
	@Operation(summary = "Where a case stands (registry facts only, no personal data)")
	Case get(@PathVariable @Pattern(regexp = REFERENCE) String reference) {
		return this.referrals.find(reference);
	}
}
