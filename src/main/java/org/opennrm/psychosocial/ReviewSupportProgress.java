package org.opennrm.psychosocial;

import jakarta.validation.constraints.NotNull;

/**
 * The periodic review of the support.
 *
 * @param progress how the person is doing
 * @param adjustPlan whether the support plan needs adjusting
 */
public record ReviewSupportProgress(@NotNull Progress progress, @NotNull Boolean adjustPlan) {

	public enum Progress {
		Improving, Stable, Worsening
	}
}
