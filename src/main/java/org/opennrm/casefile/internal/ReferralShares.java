package org.opennrm.casefile.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.opennrm.casefile.Section;
import org.opennrm.handoff.Handoff;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the referring caseworker chose to share with each hand-off's receiving agency ({@code nrm_referral_share}). A
 * choice holds for the agency it was made for: when a declined hand-off goes to another provider, the new one gets
 * the policy's defaults until the caseworker chooses again.
 */
@Component
class ReferralShares {

	private final JdbcClient jdbc;

	ReferralShares(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The sections chosen for the hand-off's current receiving agency, if anyone chose. */
	Optional<Set<Section>> sharedWith(Handoff handoff) {
		return this.jdbc.sql("select sections from nrm_referral_share where handoff_id = :id and receiving_agency = :agency")
			.param("id", handoff.id())
			.param("agency", handoff.receivingAgency())
			.query(String.class)
			.optional()
			.map(ReferralShares::parse);
	}

	void set(Handoff handoff, Set<Section> sections, String userId, Instant at) {
		String value = sections.stream().map(Section::key).sorted().collect(Collectors.joining(","));
		int updated = this.jdbc.sql("update nrm_referral_share set receiving_agency = :agency, sections = :sections, "
				+ "set_by = :by, set_at = :at where handoff_id = :id")
			.param("agency", handoff.receivingAgency()).param("sections", value).param("by", userId)
			.param("at", at.atOffset(ZoneOffset.UTC)).param("id", handoff.id())
			.update();
		if (updated == 0) {
			this.jdbc.sql("insert into nrm_referral_share (handoff_id, receiving_agency, sections, set_by, set_at) "
					+ "values (:id, :agency, :sections, :by, :at)")
				.param("id", handoff.id()).param("agency", handoff.receivingAgency()).param("sections", value)
				.param("by", userId)
				.param("at", at.atOffset(ZoneOffset.UTC))
				.update();
		}
	}

	private static Set<Section> parse(String value) {
		Set<Section> sections = EnumSet.noneOf(Section.class);
		Arrays.stream(value.split(",")).filter(key -> !key.isBlank())
			.forEach(key -> Section.byKey(key).ifPresent(sections::add));
		return Set.copyOf(sections);
	}
}
