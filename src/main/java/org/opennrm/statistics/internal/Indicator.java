package org.opennrm.statistics.internal;

import java.util.Arrays;
import java.util.Optional;

/**
 * The national tables. Persons are counted once each, by the quarter their case was registered ("registered victims"
 * are persons ever presumed or formally identified, as Eurostat counts them; "referrals" are every case registered).
 */
enum Indicator {

	// Titles and descriptions: statistics.title.<id> and statistics.description.<id> in the catalogues.

	VICTIMS_BY_SEX_AND_AGE("registered-victims-by-sex-and-age"),
	VICTIMS_BY_AGE_BAND("registered-victims-by-age-band"),
	VICTIMS_BY_SEX_AND_CITIZENSHIP("registered-victims-by-sex-and-citizenship"),
	VICTIMS_BY_CITIZENSHIP("registered-victims-by-citizenship"),
	VICTIMS_BY_SEX_AND_EXPLOITATION("registered-victims-by-sex-and-exploitation"),
	VICTIMS_BY_MEANS_OF_CONTROL("registered-victims-by-means-of-control"),
	VICTIMS_BY_REFERRING_AGENCY("registered-victims-by-referring-agency"),
	VICTIMS_BY_QUARTER("registered-victims-by-quarter"),
	REFERRALS_BY_FIRST_RESPONDER("referrals-by-first-responder"),
	DECISIONS_WITHIN_DEADLINE("decisions-within-deadline"),
	SERVICES_DELIVERED("services-delivered"),
	CASES_BY_STATUS("cases-by-status"),
	ESCALATIONS_BY_QUARTER("escalations-by-quarter");

	private final String id;

	Indicator(String id) {
		this.id = id;
	}

	String id() {
		return this.id;
	}

	static Optional<Indicator> ofId(String id) {
		return Arrays.stream(values()).filter(indicator -> indicator.id.equals(id)).findFirst();
	}
}
