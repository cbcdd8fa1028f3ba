package org.opennrm.cases;

/** The case states of the IOM Human Trafficking Case Data Standard (HTCDS), spelled as it spells them. */
public enum CaseStatus {

	Active, FollowUp, Closed, ClosedReferred;

	public boolean isOpen() {
		return this == Active || this == FollowUp;
	}
}
