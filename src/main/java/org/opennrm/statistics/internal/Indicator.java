package org.opennrm.statistics.internal;

import java.util.Arrays;
import java.util.Optional;

/**
 * The national tables. Persons are counted once each, by the quarter their case was registered ("registered victims"
 * are persons ever presumed or formally identified, as Eurostat counts them; "referrals" are every case registered).
 */
enum Indicator {

	VICTIMS_BY_SEX_AND_AGE("registered-victims-by-sex-and-age", "Registered victims by sex and age",
			"Presumed and identified victims by sex, child or adult at registration."),
	VICTIMS_BY_AGE_BAND("registered-victims-by-age-band", "Registered victims by age band",
			"Presumed and identified victims by CTDC age band at registration."),
	VICTIMS_BY_SEX_AND_CITIZENSHIP("registered-victims-by-sex-and-citizenship",
			"Registered victims by sex and citizenship",
			"Citizens of the country, of another EU member state, of a country outside the EU."),
	VICTIMS_BY_CITIZENSHIP("registered-victims-by-citizenship", "Registered victims by country of citizenship",
			"ISO 3166 country codes."),
	VICTIMS_BY_SEX_AND_EXPLOITATION("registered-victims-by-sex-and-exploitation",
			"Registered victims by sex and form of exploitation",
			"Eurostat's forms: a person exploited both sexually and for labour counts once, under other forms; "
					+ "transgender and non-conforming persons count with those of unknown sex."),
	VICTIMS_BY_MEANS_OF_CONTROL("registered-victims-by-means-of-control", "Registered victims by means of control",
			"A person may have been controlled by several means: the total counts mentions, not persons."),
	VICTIMS_BY_REFERRING_AGENCY("registered-victims-by-referring-agency",
			"Registered victims by type of referring agency", "The first responder that registered the case."),
	VICTIMS_BY_QUARTER("registered-victims-by-quarter", "Registered victims by quarter of registration",
			"Presumed victims not (yet) formally identified, and formally identified victims."),
	REFERRALS_BY_FIRST_RESPONDER("referrals-by-first-responder", "Referrals by type of first responder and outcome",
			"Every case registered, by the agency that registered it and where identification stands."),
	DECISIONS_WITHIN_DEADLINE("decisions-within-deadline", "Identification decisions within their deadline",
			"The first preliminary (reasonable grounds) and formal decision per person, by their due date; "
					+ "with the days from registration."),
	SERVICES_DELIVERED("services-delivered", "Persons who received a service, by type",
			"A person may have received several services: the total counts services, not persons."),
	CASES_BY_STATUS("cases-by-status", "Cases by case status and person status",
			"Every case registered, by where it stands now."),
	ESCALATIONS_BY_QUARTER("escalations-by-quarter", "Cases with a missed and escalated deadline, by quarter",
			"Every case registered, by whether any of its deadlines was escalated.");

	private final String id;

	private final String title;

	private final String description;

	Indicator(String id, String title, String description) {
		this.id = id;
		this.title = title;
		this.description = description;
	}

	String id() {
		return this.id;
	}

	String title() {
		return this.title;
	}

	String description() {
		return this.description;
	}

	static Optional<Indicator> ofId(String id) {
		return Arrays.stream(values()).filter(indicator -> indicator.id.equals(id)).findFirst();
	}
}
