package org.opennrm.cases;

/**
 * Protection from removal. While identification is pending, the recovery period runs, the formal decision is awaited
 * or a negative decision can still be reconsidered, no removal or return step may run (CETS 197 Art. 10 and 13).
 */
public enum Protection {

	None(false), PendingIdentification(true), RecoveryPeriod(true), PendingFormalDecision(true),
	ReconsiderationWindow(true), Identified(false);

	private final boolean blocksRemoval;

	Protection(boolean blocksRemoval) {
		this.blocksRemoval = blocksRemoval;
	}

	public boolean blocksRemoval() {
		return this.blocksRemoval;
	}
}
