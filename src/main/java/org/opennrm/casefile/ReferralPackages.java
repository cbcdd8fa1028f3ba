package org.opennrm.casefile;

import java.util.Map;
import java.util.Set;

/**
 * The case file's side of a transnational referral: what the access policy lets such a referral carry, the chosen
 * fields of a case's sections read for sending, and what arrived written into a newly opened case. These are the
 * service's own reads and writes (nobody is shown a section by them); each is published as a {@link SectionRead} or
 * {@link SectionWritten} on the basis {@link AccessDecision.Basis#TransnationalReferral}, for the audit trail.
 */
public interface ReferralPackages {

	/** The sections whose fields a transnational referral may carry ({@code transnational-referral} in the policy). */
	Set<Section> transnationalSections();

	/**
	 * The chosen fields of the chosen sections of a case, every other field left empty. A section never written is
	 * left out.
	 * @param fields per section, the names of its fields (record components) to send
	 * @param readBy who the read is made for (the approving coordinator)
	 * @throws IllegalArgumentException for a section the policy does not let travel, or a field the section does not have
	 */
	Map<Section, SectionContent> readForReferral(String caseId, Map<Section, Set<String>> fields, String readBy);

	/**
	 * Writes what a referral from another country carried into a case just opened for it: each section as it arrived
	 * (validated like any write), sealed like every section.
	 * @param importedBy who accepted the referral
	 * @throws IllegalArgumentException for a section the policy does not let travel
	 * @throws org.opennrm.platform.InvalidFields when a section breaks its rules
	 */
	void importReferral(String caseId, Map<Section, SectionContent> content, String importedBy);
}
