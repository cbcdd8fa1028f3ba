package org.opennrm.casefile;

import java.util.List;

/**
 * The case file: sections read and written under the access policy for the signed-in user. Every read of a section
 * publishes a {@link SectionRead}, every write a {@link SectionWritten}.
 */
public interface CaseFile {

	/**
	 * The sections of the case the signed-in user may read now, each with its content (empty if nothing was written
	 * yet). Sections they may not read are absent.
	 * @throws org.springframework.web.ErrorResponseException 404 when the case does not exist or the user is not
	 * involved in it at all
	 */
	List<SectionView> readAll(String reference);

	/**
	 * One section.
	 * @throws org.springframework.web.ErrorResponseException 404 as for {@link #readAll}, 403 when the user may not
	 * read this section
	 */
	SectionView read(String reference, Section section);

	/**
	 * Replaces a section's content.
	 * @param expectedVersion the version the writer read ({@code null}: whatever is there)
	 * @throws org.springframework.web.ErrorResponseException 404, 403, 409 when the section changed meanwhile
	 */
	SectionView write(String reference, Section section, SectionContent content, Integer expectedVersion);

	/**
	 * Adds a screening to the identification section. Called by the screening task as it completes: the engine has
	 * checked that the completing user holds the task.
	 */
	void recordScreening(String caseId, IdentificationSection.Screening screening);

	/** Adds an assessor's view to the risk section, as the risk assessment task completes. */
	void recordRiskAssessment(String caseId, RiskSection.Assessment assessment);

	/**
	 * The coarse facts statistics count about the person of a case (see {@link StatisticalFacts}), for the statistics
	 * module only. This is not a read by a user: nobody sees a section, so no {@link SectionRead} is published.
	 * @param caseId the registry's internal id
	 * @param on the day the age is worked out for (the day the case was registered)
	 */
	StatisticalFacts statisticalFacts(String caseId, java.time.LocalDate on);
}
