package org.opennrm.casefile;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * The law-enforcement compartment: statements, the investigation and witness protection. Police only, and only while
 * the person cooperates with police; no break-glass opens it.
 *
 * @param statements the person's statements, oldest first
 * @param investigationReference the investigation's reference
 * @param witnessProtection witness protection measures
 * @param notes anything else
 */
public record LawEnforcementSection(@Size(max = 100) List<@Valid @NotNull Statement> statements,
		@Size(max = NAME) String investigationReference, @Size(max = TEXT) String witnessProtection,
		@Size(max = TEXT) String notes) implements SectionContent {

	/** One statement. */
	public record Statement(@NotNull @PastOrPresent LocalDate date, @Size(max = NAME) String takenBy,
			@Size(max = TEXT) String text) {
	}
}
