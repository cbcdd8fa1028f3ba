package org.opennrm.casefile;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * Psycho-social support: special-category data, for the provider and the people the policy names. The support
 * process holds only references to it.
 *
 * @param assessment the psycho-social assessment
 * @param supportPlan the support plan
 * @param sessions session notes, oldest first
 */
public record PsychoSocialSection(@Size(max = TEXT) String assessment, @Size(max = TEXT) String supportPlan,
		@Size(max = 500) List<@Valid @NotNull Session> sessions) implements SectionContent {

	/** One session. */
	public record Session(@NotNull @PastOrPresent LocalDate date, @Size(max = TEXT) String notes) {
	}
}
