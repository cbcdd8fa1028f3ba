package org.opennrm.handoff.internal;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.opennrm.cases.Case;
import org.opennrm.handoff.Handoff;
import org.opennrm.security.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/cases/{reference}/handoffs", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Service hand-offs", description = "Follow the services a case was handed over for")
class HandoffController {

	private final CaseHandoffs handoffs;

	HandoffController(CaseHandoffs handoffs) {
		this.handoffs = handoffs;
	}

	@GetMapping
	@Operation(summary = "The case's service hand-offs I am party to (all of them for supervisors and auditors): "
			+ "service, agencies, status, attempts, when the answer is due, and every step")
	List<Handoff> list(@PathVariable @Pattern(regexp = Case.REFERENCE) String reference) {
		return this.handoffs.visibleTo(CurrentUser.get(), reference);
	}
}
