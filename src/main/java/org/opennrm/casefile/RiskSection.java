package org.opennrm.casefile;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Size;

/**
 * Risk to the person's safety: what each assessor saw (written by the risk assessment, read-only here), the safety
 * plan and notes. The process keeps only the combined rating.
 *
 * @param assessments each assessor's rating and risk factors, oldest first (written only by the risk assessment)
 * @param safetyPlan the agreed safety plan
 * @param notes anything else that matters for the person's safety
 */
public record RiskSection(List<Assessment> assessments,
		@Size(max = TEXT) String safetyPlan, @Size(max = TEXT) String notes) implements SectionContent {

	public RiskSection {
		assessments = assessments == null ? List.of() : List.copyOf(assessments);
	}

	/** The same plan and notes with one more assessment. */
	public RiskSection withAssessment(Assessment assessment) {
		List<Assessment> all = new java.util.ArrayList<>(this.assessments);
		all.add(assessment);
		return new RiskSection(all, this.safetyPlan, this.notes);
	}

	/** The stored assessments with this plan and notes (the assessments are never written through the API). */
	public RiskSection keepingAssessmentsOf(RiskSection stored) {
		return new RiskSection(stored == null ? List.of() : stored.assessments, this.safetyPlan, this.notes);
	}

	/**
	 * One assessor's view.
	 *
	 * @param reason why the risk was assessed (placement, return, periodic)
	 * @param assessorAgency the assessor's agency
	 * @param rating the assessor's rating
	 * @param riskFactors the factors the assessor saw
	 * @param assessedBy who assessed
	 * @param assessedAt when
	 */
	public record Assessment(String reason, String assessorAgency, String rating, List<String> riskFactors,
			String assessedBy, Instant assessedAt) {
	}
}
