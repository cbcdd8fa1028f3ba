package org.opennrm.statistics.disclosure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One person in a record-level export: the five quasi-identifiers, which {@link KAnonymity} generalises, and
 * payload fields (for example the means of control or the referral outcome) that are carried along unchanged.
 * Payload must not identify anybody by itself: no names, dates of birth, case numbers or free text.
 * <p>
 * A missing quasi-identifier ({@code null} or blank) is recorded as {@link #UNKNOWN}.
 *
 * @param sex for example {@code "Female"}, {@code "Male"}
 * @param ageBand a CTDC age band ({@code "0--8"}, {@code "9--17"}, ..., {@code "48+"})
 * @param citizenship an ISO 3166-1 alpha-2 code
 * @param exploitationType for example {@code "Sexual"}, {@code "Labour"}, {@code "SexAndLabour"}
 * @param year the year of registration, for example {@code "2024"}
 * @param payload fields carried along, in order
 */
public record ExportRecord(String sex, String ageBand, String citizenship, String exploitationType, String year,
		Map<String, String> payload) {

	/** The value of a quasi-identifier that was not recorded. */
	public static final String UNKNOWN = "Unknown";

	/** Records missing values as {@link #UNKNOWN} and freezes the payload. */
	public ExportRecord {
		sex = known(sex);
		ageBand = known(ageBand);
		citizenship = known(citizenship);
		exploitationType = known(exploitationType);
		year = known(year);
		payload = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(payload, "payload")));
	}

	/** A record without payload. */
	public ExportRecord(String sex, String ageBand, String citizenship, String exploitationType, String year) {
		this(sex, ageBand, citizenship, exploitationType, year, Map.of());
	}

	private static String known(String value) {
		return value == null || value.isBlank() ? UNKNOWN : value;
	}

	/** The value of one quasi-identifier. */
	public String get(QuasiIdentifier quasiIdentifier) {
		return switch (quasiIdentifier) {
			case SEX -> this.sex;
			case AGE_BAND -> this.ageBand;
			case CITIZENSHIP -> this.citizenship;
			case EXPLOITATION_TYPE -> this.exploitationType;
			case YEAR -> this.year;
		};
	}

	/** The same record with one quasi-identifier replaced. */
	public ExportRecord with(QuasiIdentifier quasiIdentifier, String value) {
		return new ExportRecord(quasiIdentifier == QuasiIdentifier.SEX ? value : this.sex,
				quasiIdentifier == QuasiIdentifier.AGE_BAND ? value : this.ageBand,
				quasiIdentifier == QuasiIdentifier.CITIZENSHIP ? value : this.citizenship,
				quasiIdentifier == QuasiIdentifier.EXPLOITATION_TYPE ? value : this.exploitationType,
				quasiIdentifier == QuasiIdentifier.YEAR ? value : this.year, this.payload);
	}
}
