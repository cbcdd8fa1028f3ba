package org.opennrm.casework;

import java.time.Instant;

import org.opennrm.cases.AgeGroup;
import org.opennrm.cases.Case;
import org.opennrm.cases.CaseStatus;
import org.opennrm.cases.PersonStatus;
import org.opennrm.cases.Protection;
import org.opennrm.cases.RiskLevel;

/**
 * A case as our API shows it: registry facts only, no personal data.
 *
 * @param reference case reference
 * @param jurisdiction the jurisdiction profile it follows
 * @param leadAgency the agency that leads it
 * @param openedAt when it was opened
 * @param status HTCDS case status
 * @param closureReason HTCDS reason for closure, once closed
 * @param ageGroup child, adult or uncertain
 * @param personStatus at risk, presumed, identified, ...
 * @param protection protection from removal
 * @param removalBlocked whether removal and return are blocked now
 * @param riskLevel the latest joint risk assessment
 */
public record CaseView(String reference, String jurisdiction, String leadAgency, Instant openedAt, CaseStatus status,
		String closureReason, AgeGroup ageGroup, PersonStatus personStatus, Protection protection,
		boolean removalBlocked, RiskLevel riskLevel) {

	public static CaseView of(Case found) {
		return new CaseView(found.reference(), found.jurisdiction(), found.leadAgency(), found.openedAt(), found.status(),
				found.closureReason(), found.ageGroup(), found.personStatus(), found.protection(),
				found.protection().blocksRemoval(), found.riskLevel());
	}
}
