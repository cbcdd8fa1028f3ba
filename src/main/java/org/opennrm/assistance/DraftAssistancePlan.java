package org.opennrm.assistance;

import java.util.HashSet;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.opennrm.tasks.DisplayOnly;

/**
 * The case manager's assistance plan, as far as the process needs it: which services, written with whom, and where
 * the plan itself is in the case file. A child's plan is written with the guardian (checked against the process).
 *
 * @param revisionReason why a supervisor sent the previous draft back, if one did (shown, not written)
 * @param plannedServices the services the plan provides
 * @param writtenWith the person, or the guardian for a child
 * @param planReference the case file reference of the plan document
 */
public record DraftAssistancePlan(@DisplayOnly String revisionReason,
		@NotEmpty List<@NotNull PlannedService> plannedServices, @NotNull WrittenWith writtenWith,
		@NotNull @Pattern(regexp = DraftAssistancePlan.PLAN_REFERENCE,
				message = "must be a file reference: letters, digits and / _ . - only, up to 40 characters") String planReference) {

	/** A case file reference: letters, digits and {@code / _ . -}, at most 40. */
	public static final String PLAN_REFERENCE = "[A-Za-z0-9/_.-]{1,40}";

	@JsonIgnore
	@AssertTrue(message = "name each service once")
	public boolean isEachServiceOnce() {
		return this.plannedServices == null
				|| new HashSet<>(this.plannedServices).size() == this.plannedServices.size();
	}

	/** With whom the plan was written. */
	public enum WrittenWith {
		Person, Guardian
	}
}
