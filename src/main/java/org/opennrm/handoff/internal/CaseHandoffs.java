package org.opennrm.handoff.internal;

import java.util.List;

import org.opennrm.cases.Case;
import org.opennrm.cases.Cases;
import org.opennrm.handoff.Handoff;
import org.opennrm.handoff.Handoffs;
import org.opennrm.platform.Problems;
import org.opennrm.security.NrmUser;
import org.opennrm.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shows a case's hand-offs to those who follow them:
 * <ul>
 * <li>supervisors and auditors see every hand-off of the case;</li>
 * <li>any other user sees the hand-offs their agency is party to: as the referring agency, or as the receiving
 * agency while it holds the hand-off (offered, accepted, or with its outcome recorded; an agency that declined is no
 * longer party to it);</li>
 * <li>a user who is party to none of them gets a 404, exactly as for an unknown reference, so that nobody learns
 * which references exist, unless their agency leads the case (it then sees an empty list).</li>
 * </ul>
 */
@Service
@Transactional(readOnly = true)
class CaseHandoffs {

	private final Cases cases;

	private final Handoffs handoffs;

	CaseHandoffs(Cases cases, Handoffs handoffs) {
		this.cases = cases;
		this.handoffs = handoffs;
	}

	List<Handoff> visibleTo(NrmUser user, String reference) {
		Case found = this.cases.findByReference(reference).orElseThrow(CaseHandoffs::notVisible);
		List<Handoff> all = this.handoffs.ofCase(found.caseId());
		if (user.has(Role.SUPERVISOR) || user.has(Role.AUDITOR)) {
			return all;
		}
		List<Handoff> theirs = all.stream().filter(handoff -> handoff.hasParty(user.groupIds())).toList();
		if (theirs.isEmpty() && !user.groupIds().contains(found.leadAgency())) {
			throw notVisible();
		}
		return theirs;
	}

	private static RuntimeException notVisible() {
		return Problems.notFound("problem.case.notFound");
	}
}
