package org.opennrm.casefile;

import java.util.Set;

import org.opennrm.cases.Case;
import org.opennrm.security.NrmUser;

/**
 * The access policy ({@code config/access-policy.yml}) applied to one user and one case, as it stands now: the same
 * answer for our API and for every other path that serves case data.
 */
public interface CaseAccess {

	/** Whether the user may do this with the section, and on what basis. */
	AccessDecision decide(NrmUser user, Case target, Section section, Operation operation);

	/** The sections the user may read now (empty: nothing of the case file). */
	Set<Section> readable(NrmUser user, Case target);

	/** Whether the user's agency (or the user) is involved in the case now, on any scope of the policy. */
	boolean involved(NrmUser user, Case target);

	/** Reading or writing a section. */
	enum Operation {
		Read, Write
	}
}
