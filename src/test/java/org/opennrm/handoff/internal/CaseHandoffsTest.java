package org.opennrm.handoff.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.cases.AgeGroup;
import org.opennrm.cases.Case;
import org.opennrm.cases.CaseStatus;
import org.opennrm.cases.Cases;
import org.opennrm.cases.PersonStatus;
import org.opennrm.cases.Protection;
import org.opennrm.handoff.Handoff;
import org.opennrm.handoff.HandoffStatus;
import org.opennrm.handoff.Handoffs;
import org.opennrm.handoff.ServiceHandoffProcess.ServiceType;
import org.opennrm.security.NrmUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Who sees which hand-offs of a case. */
class CaseHandoffsTest {

	static final String REFERENCE = "NRM-2026-000042";

	static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

	/** Social services hand over shelter (now offered to the NGO) and medical care (declined by health services). */
	static final Handoff SHELTER = handoff("h-1", ServiceType.Shelter, "ngo", HandoffStatus.Offered);

	static final Handoff MEDICAL_CARE = handoff("h-2", ServiceType.MedicalCare, "health", HandoffStatus.Declined);

	final Cases cases = mock(Cases.class);

	final Handoffs handoffs = mock(Handoffs.class);

	final CaseHandoffs visibility = new CaseHandoffs(this.cases, this.handoffs);

	@BeforeEach
	void aCaseLedByPolice() {
		when(this.cases.findByReference(REFERENCE)).thenReturn(Optional.of(new Case("case-1", REFERENCE, "coe", "police",
				"demo-police", NOW, CaseStatus.Active, null, null, AgeGroup.Adult, PersonStatus.Presumed, Protection.None,
				null, null, null, null)));
		when(this.handoffs.ofCase("case-1")).thenReturn(List.of(SHELTER, MEDICAL_CARE));
	}

	@Test
	void supervisors_and_auditors_see_every_hand_off_of_the_case() {
		assertThat(this.visibility.visibleTo(user("supervisor"), REFERENCE)).containsExactly(SHELTER, MEDICAL_CARE);
		assertThat(this.visibility.visibleTo(user("auditor"), REFERENCE)).containsExactly(SHELTER, MEDICAL_CARE);
	}

	@Test
	void the_referring_agency_sees_the_hand_offs_it_made() {
		assertThat(this.visibility.visibleTo(user("social"), REFERENCE)).containsExactly(SHELTER, MEDICAL_CARE);
	}

	@Test
	void a_receiving_agency_sees_the_hand_off_it_holds() {
		assertThat(this.visibility.visibleTo(user("ngo"), REFERENCE)).containsExactly(SHELTER);
	}

	@Test
	void an_agency_that_declined_is_no_longer_party_and_gets_a_404_like_for_an_unknown_case() {
		assertNotFound(() -> this.visibility.visibleTo(user("health"), REFERENCE));
	}

	@Test
	void an_uninvolved_user_gets_a_404_like_for_an_unknown_case() {
		assertNotFound(() -> this.visibility.visibleTo(user("guardian"), REFERENCE));
		assertNotFound(() -> this.visibility.visibleTo(user("supervisor"), "NRM-2026-999999"));
	}

	@Test
	void the_agency_leading_the_case_sees_an_empty_list_rather_than_a_404() {
		assertThat(this.visibility.visibleTo(user("police"), REFERENCE)).isEmpty();
	}

	private static void assertNotFound(Runnable call) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(ErrorResponseException.class,
				ex -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));
	}

	private static NrmUser user(String group) {
		return new NrmUser("user-of-" + group, Set.of(group));
	}

	private static Handoff handoff(String id, ServiceType service, String receivingAgency, HandoffStatus status) {
		return new Handoff(id, "case-1", service, "social", receivingAgency, status, 1, NOW,
				status == HandoffStatus.Offered ? NOW.plusSeconds(86_400) : null, NOW, List.of());
	}
}
