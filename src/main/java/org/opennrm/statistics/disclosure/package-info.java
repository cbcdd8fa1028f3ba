/**
 * Statistical disclosure control: what may leave OpenNRM as statistics without exposing a person.
 * <p>
 * Two tools, both plain Java without Spring:
 * <ul>
 * <li><b>Cell suppression for count tables</b> ({@link org.opennrm.statistics.disclosure.CellSuppression}). A table
 * of counts of persons ({@link org.opennrm.statistics.disclosure.CountTable}) is turned into a
 * {@link org.opennrm.statistics.disclosure.ProtectedTable}, the only form in which a table is released. Every cell,
 * totals included, below the threshold is suppressed (primary suppression), and further cells are suppressed
 * (secondary suppression) until no suppressed cell can be worked out exactly from the released cells, by adding
 * and subtracting rows, columns and totals or by using that counts are never negative.</li>
 * <li><b>k-anonymity for record-level exports</b> ({@link org.opennrm.statistics.disclosure.KAnonymity}). Quasi-
 * identifiers (sex, age band, citizenship, type of exploitation, year) are coarsened along generalisation
 * hierarchies and the few records still too rare are dropped, until every released record looks like at least
 * k&minus;1 others.</li>
 * </ul>
 * Neither tool protects against what is outside its input: several tables about the same persons released side by
 * side, tables released again after small changes, or a sensitive value shared by everybody in a k-anonymous group.
 * Callers release one protected table per population and keep record-level exports to vetted recipients.
 */
package org.opennrm.statistics.disclosure;
