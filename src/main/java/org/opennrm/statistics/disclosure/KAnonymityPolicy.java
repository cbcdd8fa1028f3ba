package org.opennrm.statistics.disclosure;

/**
 * How anonymous a record-level export must be: every released record shares its quasi-identifiers with at least
 * {@code k - 1} others, and at most {@code maxSuppressedShare} of the records may be dropped to get there rather
 * than generalising further.
 * <p>
 * k below 2 is refused: k = 1 would release unique records and switch the protection off.
 *
 * @param k the smallest group of look-alike records that is released
 * @param maxSuppressedShare the share of records (from 0 to below 1) that may be dropped instead of generalising
 *        every record further
 */
public record KAnonymityPolicy(int k, double maxSuppressedShare) {

	/** The CTDC's rule: groups of at least 11; up to 5 % of the records dropped. */
	public static final KAnonymityPolicy DEFAULT = new KAnonymityPolicy(11);

	/** Refuses a policy that would release unique records. */
	public KAnonymityPolicy {
		if (k < 2) {
			throw new IllegalArgumentException("k must be at least 2 (it was " + k + "): k = 1 releases unique records");
		}
		if (!(maxSuppressedShare >= 0 && maxSuppressedShare < 1)) {
			throw new IllegalArgumentException(
					"The share of records that may be dropped is from 0 to below 1, not " + maxSuppressedShare);
		}
	}

	/** Groups of at least k; up to 5 % of the records dropped. */
	public KAnonymityPolicy(int k) {
		this(k, 0.05);
	}

	/** How many of the given number of records may be dropped. */
	public int suppressionBudget(int records) {
		return (int) Math.floor(records * this.maxSuppressedShare);
	}
}
