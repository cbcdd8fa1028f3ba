package org.opennrm.statistics.disclosure;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One cell of a {@link ProtectedTable}, an interior cell or a total: its count when released, otherwise only the
 * reason it is withheld. A suppressed cell does not carry its count anywhere.
 *
 * @param value the count when released, {@code null} when suppressed
 * @param status released, or why suppressed
 */
public record Cell(Long value, CellStatus status) {

	/** Keeps value and status consistent: a count exactly when released. */
	public Cell {
		Objects.requireNonNull(status, "status");
		if (status == CellStatus.RELEASED && value == null) {
			throw new IllegalArgumentException("A released cell has a count");
		}
		if (status != CellStatus.RELEASED && value != null) {
			throw new IllegalArgumentException("A suppressed cell carries no count");
		}
	}

	static Cell released(long count) {
		return new Cell(count, CellStatus.RELEASED);
	}

	static Cell suppressed(CellStatus reason) {
		return new Cell(null, reason);
	}

	/** Whether the count is shown. */
	public boolean released() {
		return this.status == CellStatus.RELEASED;
	}

	/** The count when released, empty when suppressed. */
	public OptionalLong count() {
		return released() ? OptionalLong.of(this.value) : OptionalLong.empty();
	}

	/** The count as an exporter writes it: the number, or the given marker (for example {@code "c"}) if suppressed. */
	public String format(String suppressedMarker) {
		return released() ? Long.toString(this.value) : suppressedMarker;
	}
}
