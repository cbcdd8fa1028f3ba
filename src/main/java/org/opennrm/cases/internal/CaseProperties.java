package org.opennrm.cases.internal;

import org.opennrm.cases.Case;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param referencePrefix prefix of case references, e.g. {@code NRM}; the demo profile uses {@code DEMO} so synthetic
 * cases are recognisable
 * @param jurisdiction the jurisdiction profile new cases follow
 */
@ConfigurationProperties("nrm.cases")
record CaseProperties(@DefaultValue("NRM") String referencePrefix, @DefaultValue("coe") String jurisdiction) {

	CaseProperties {
		// Every endpoint that takes a reference refuses one of another form: so does the start.
		if (!Case.isReference(reference(referencePrefix, 2026, 1))) {
			throw new IllegalArgumentException("nrm.cases.reference-prefix must be 2 to 10 capital letters (A-Z)");
		}
	}

	/** The reference of a case opened in that year under that number, e.g. {@code NRM-2026-000042}. */
	String reference(int year, long number) {
		return reference(this.referencePrefix, year, number);
	}

	private static String reference(String prefix, int year, long number) {
		return "%s-%d-%06d".formatted(prefix, year, number);
	}
}
