package org.opennrm.child.internal;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.opennrm.cases.Case;
import org.opennrm.child.ChangeGuardian;
import org.opennrm.child.GuardianChanged;
import org.opennrm.child.Guardianship;
import org.opennrm.platform.Problems;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/cases/{reference}/guardian", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Child protection", description = "Change a child's guardian")
class GuardianController {

	private final Guardianship guardianship;

	GuardianController(Guardianship guardianship) {
		this.guardianship = guardianship;
	}

	@PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Appoint another guardian for a child who has one, with a reason (social services leading "
			+ "the case, or a supervisor); the guardian's open tasks for the child move to the new guardian, and the "
			+ "former guardian's access ends")
	GuardianChange change(@PathVariable String reference, @Valid @RequestBody ChangeGuardian change) {
		// Checked here rather than by a constraint on the path variable: that would turn on method validation, which
		// reports the body's field errors differently from every other endpoint.
		if (!Case.isReference(reference)) {
			throw Problems.badRequest("problem.case.notAReference");
		}
		GuardianChanged changed = this.guardianship.change(reference, change);
		return new GuardianChange(changed.reference(), changed.from(), changed.to(), changed.by(), changed.reason(),
				changed.at());
	}

	/**
	 * The change made (the case by its reference only, as every answer of the API names it).
	 *
	 * @param reference the case
	 * @param from the former guardian
	 * @param to the new guardian
	 * @param changedBy who changed it
	 * @param reason why
	 * @param at when
	 */
	record GuardianChange(String reference, String from, String to, String changedBy, String reason, Instant at) {
	}
}
