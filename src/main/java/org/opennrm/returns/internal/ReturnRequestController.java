package org.opennrm.returns.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.opennrm.cases.Case;
import org.opennrm.platform.Problems;
import org.opennrm.returns.ReturnRequest;
import org.opennrm.returns.ReturnRequested;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/cases/{reference}/return-requests", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Returns", description = "Request a voluntary return")
class ReturnRequestController {

	private final ReturnRequests requests;

	ReturnRequestController(ReturnRequests requests) {
		this.requests = requests;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Request a voluntary return (police, or social services leading the case); while the person "
			+ "is protected from removal it is blocked at once and nothing else happens")
	ResponseEntity<ReturnRequested> request(@PathVariable String reference, @Valid @RequestBody ReturnRequest body) {
		// Checked here rather than by a constraint on the path variable: that would turn on method validation, which
		// reports the body's field errors differently from every other endpoint.
		if (!Case.isReference(reference)) {
			throw Problems.badRequest("problem.case.notAReference");
		}
		return ResponseEntity.status(HttpStatus.CREATED).body(this.requests.request(reference, body.reason()));
	}
}
