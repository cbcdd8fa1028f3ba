package org.opennrm.statistics;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.opennrm.platform.Problems;

/**
 * A run of whole quarters, the finest grain statistics ever show: no table, export or chart names a date. What is
 * released covers one calendar year ({@link #parse}).
 *
 * @param from the first quarter
 * @param to the last quarter (inclusive)
 */
public record Period(Quarter from, Quarter to) {

	public Period {
		if (from.index() > to.index()) {
			throw Problems.badRequest("problem.statistics.periodReversed", from.toString(), to.toString());
		}
	}

	/** One calendar year. */
	public static Period year(int year) {
		return new Period(new Quarter(year, 1), new Quarter(year, 4));
	}

	/**
	 * The calendar year a request names; without one, the current year. Releases are whole years only: two releases
	 * never cover overlapping periods, so no suppressed count can be worked out by subtracting one from another
	 * (ADR 0019). Quarters appear as rows inside a year's tables, protected together with the year's totals.
	 */
	public static Period parse(Integer year) {
		return year(year == null ? ZonedDateTime.now(ZoneOffset.UTC).getYear() : Quarter.checkedYear(year));
	}

	/** The quarters of the period, oldest first. */
	public List<Quarter> quarters() {
		List<Quarter> all = new ArrayList<>();
		for (int index = this.from.index(); index <= this.to.index(); index++) {
			all.add(Quarter.ofIndex(index));
		}
		return all;
	}

	@Override
	public String toString() {
		return this.from + ".." + this.to;
	}

	/**
	 * A calendar quarter.
	 *
	 * @param year the year
	 * @param quarter 1 to 4
	 */
	public record Quarter(int year, int quarter) implements Comparable<Quarter> {

		public Quarter {
			checkedYear(year);
			if (quarter < 1 || quarter > 4) {
				throw Problems.badRequest("problem.statistics.quarter");
			}
		}

		static int checkedYear(int year) {
			if (year < 1990 || year > 2100) {
				throw Problems.badRequest("problem.statistics.year");
			}
			return year;
		}

		static Quarter ofIndex(int index) {
			return new Quarter(index / 4, index % 4 + 1);
		}

		/** Quarters counted from year 0, so that a period is a range of numbers. */
		public int index() {
			return this.year * 4 + this.quarter - 1;
		}

		@Override
		public int compareTo(Quarter other) {
			return Integer.compare(index(), other.index());
		}

		@Override
		public String toString() {
			return this.year + "-Q" + this.quarter;
		}
	}
}
