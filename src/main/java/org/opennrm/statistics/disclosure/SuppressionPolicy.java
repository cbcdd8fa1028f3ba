package org.opennrm.statistics.disclosure;

/**
 * How small a count may be before it is withheld: every released count of persons, and every statistic about
 * persons, rests on at least {@code threshold} persons.
 * <p>
 * The threshold cannot be below 2: a threshold of 1 (or 0) would release single persons, which would switch
 * disclosure control off, so a typo in a configuration fails loudly instead of doing so quietly.
 *
 * @param threshold the smallest count that may be released
 */
public record SuppressionPolicy(int threshold) {

	/** The usual threshold for counts of victims of trafficking: fewer than 10 persons are not shown. */
	public static final SuppressionPolicy DEFAULT = new SuppressionPolicy(10);

	/** Refuses a threshold that would release counts of single persons. */
	public SuppressionPolicy {
		if (threshold < 2) {
			throw new IllegalArgumentException(
					"A suppression threshold must be at least 2 (it was " + threshold + "): below that single persons are released");
		}
	}

	/** Whether a count is too small to be released on its own. */
	public boolean isBelowThreshold(long count) {
		return count < this.threshold;
	}
}
