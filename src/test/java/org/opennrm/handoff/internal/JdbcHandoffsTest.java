package org.opennrm.handoff.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.handoff.Handoff;
import org.opennrm.handoff.HandoffStatus;
import org.opennrm.handoff.HandoffStep;
import org.opennrm.handoff.ServiceHandoffProcess.ServiceType;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The hand-off registry on the real schema (every Flyway migration, on H2): transitions, steps and what it shows. */
class JdbcHandoffsTest {

	static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");

	static final Instant RESPOND_BY = MONDAY.plus(Duration.ofHours(24));

	JdbcHandoffs handoffs;

	@BeforeEach
	void freshSchema() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:handoffs-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		dataSource.setUser("sa");
		Flyway.configure().dataSource(dataSource).table("nrm_schema_history").load().migrate();
		this.handoffs = new JdbcHandoffs(JdbcClient.create(dataSource), event -> {
		});
		ClockUtil.setCurrentTime(java.util.Date.from(MONDAY));
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void an_offer_opens_a_hand_off_with_the_answer_due_and_its_first_step() {
		Handoff offered = this.handoffs.offer(offer("pi-1", "case-1", ServiceType.Shelter, "ngo"));

		assertThat(offered.id()).isNotBlank();
		assertThat(offered.caseId()).isEqualTo("case-1");
		assertThat(offered.service()).isEqualTo(ServiceType.Shelter);
		assertThat(offered.referringAgency()).isEqualTo("social");
		assertThat(offered.receivingAgency()).isEqualTo("ngo");
		assertThat(offered.status()).isEqualTo(HandoffStatus.Offered);
		assertThat(offered.attempts()).isEqualTo(1);
		assertThat(offered.offeredAt()).isEqualTo(MONDAY);
		assertThat(offered.respondBy()).isEqualTo(RESPOND_BY);
		assertThat(offered.steps()).containsExactly(new HandoffStep(HandoffStatus.Offered, "ngo", null, MONDAY));
		assertThat(this.handoffs.findByProcessInstance("pi-1")).contains(offered);
	}

	@Test
	void a_decline_and_the_next_offer_count_the_attempts_and_keep_every_step() {
		this.handoffs.offer(offer("pi-1", "case-1", ServiceType.Shelter, "ngo"));
		ClockUtil.setCurrentTime(java.util.Date.from(MONDAY.plusSeconds(3600)));
		Handoff declined = this.handoffs.decline("pi-1", "NoCapacity");

		assertThat(declined.status()).isEqualTo(HandoffStatus.Declined);
		assertThat(declined.respondBy()).as("nothing to answer any more").isNull();
		ClockUtil.setCurrentTime(java.util.Date.from(MONDAY.plusSeconds(7200)));
		Handoff offeredAgain = this.handoffs
			.offer(offer("pi-1", "case-1", ServiceType.Shelter, "social", MONDAY.plus(Duration.ofHours(26))));

		assertThat(offeredAgain.id()).isEqualTo(declined.id());
		assertThat(offeredAgain.status()).isEqualTo(HandoffStatus.Offered);
		assertThat(offeredAgain.receivingAgency()).isEqualTo("social");
		assertThat(offeredAgain.attempts()).isEqualTo(2);
		assertThat(offeredAgain.offeredAt()).isEqualTo(MONDAY.plusSeconds(7200));
		assertThat(offeredAgain.respondBy()).isEqualTo(MONDAY.plus(Duration.ofHours(26)));
		assertThat(offeredAgain.steps()).containsExactly(new HandoffStep(HandoffStatus.Offered, "ngo", null, MONDAY),
				new HandoffStep(HandoffStatus.Declined, "ngo", "NoCapacity", MONDAY.plusSeconds(3600)),
				new HandoffStep(HandoffStatus.Offered, "social", null, MONDAY.plusSeconds(7200)));
	}

	@Test
	void an_accepted_service_ends_with_its_outcome_and_reason() {
		this.handoffs.offer(offer("pi-1", "case-1", ServiceType.PsychoSocialSupport, "ngo"));
		this.handoffs.accept("pi-1");
		Handoff delivered = this.handoffs.finish("pi-1", HandoffStatus.Delivered, "HandedOver");

		assertThat(delivered.status()).isEqualTo(HandoffStatus.Delivered);
		assertThat(delivered.steps()).extracting(HandoffStep::step)
			.containsExactly(HandoffStatus.Offered, HandoffStatus.Accepted, HandoffStatus.Delivered);
		assertThat(delivered.steps().get(2)).isEqualTo(new HandoffStep(HandoffStatus.Delivered, "ngo", "HandedOver", MONDAY));
	}

	@Test
	void a_withdrawal_is_the_referring_agencys_step() {
		this.handoffs.offer(offer("pi-1", "case-1", ServiceType.LegalAid, "ngo"));
		this.handoffs.decline("pi-1", "NotEligible");
		Handoff withdrawn = this.handoffs.withdraw(withdrawal("pi-1", ServiceType.LegalAid));

		assertThat(withdrawn.status()).isEqualTo(HandoffStatus.Withdrawn);
		assertThat(withdrawn.receivingAgency()).as("the last agency asked").isEqualTo("ngo");
		assertThat(withdrawn.steps().get(2)).isEqualTo(new HandoffStep(HandoffStatus.Withdrawn, "social", null, MONDAY));
	}

	@Test
	void a_hand_off_withdrawn_before_any_provider_was_found_is_recorded_too() {
		Handoff withdrawn = this.handoffs.withdraw(withdrawal("pi-1", ServiceType.FamilyContact));

		assertThat(withdrawn.status()).isEqualTo(HandoffStatus.Withdrawn);
		assertThat(withdrawn.caseId()).isEqualTo("case-1");
		assertThat(withdrawn.receivingAgency()).isNull();
		assertThat(withdrawn.attempts()).isZero();
		assertThat(withdrawn.offeredAt()).isNull();
		assertThat(withdrawn.steps()).containsExactly(new HandoffStep(HandoffStatus.Withdrawn, "social", null, MONDAY));
		assertThat(this.handoffs.ofCase("case-1")).containsExactly(withdrawn);
	}

	@Test
	void steps_the_process_cannot_take_are_refused_and_change_nothing() {
		this.handoffs.offer(offer("pi-1", "case-1", ServiceType.Shelter, "ngo"));

		assertThatThrownBy(() -> this.handoffs.offer(offer("pi-1", "case-1", ServiceType.Shelter, "social")))
			.isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> this.handoffs.finish("pi-1", HandoffStatus.Delivered, null))
			.isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> this.handoffs.withdraw(withdrawal("pi-1", ServiceType.Shelter)))
			.isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> this.handoffs.accept("pi-unknown")).isInstanceOf(IllegalStateException.class);
		this.handoffs.accept("pi-1");
		assertThatThrownBy(() -> this.handoffs.decline("pi-1", "NoCapacity")).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> this.handoffs.finish("pi-1", HandoffStatus.Withdrawn, null))
			.isInstanceOf(IllegalStateException.class);

		Handoff accepted = this.handoffs.findByProcessInstance("pi-1").orElseThrow();
		assertThat(accepted.status()).isEqualTo(HandoffStatus.Accepted);
		assertThat(accepted.steps()).hasSize(2);
	}

	@Test
	void a_case_shows_its_own_hand_offs_in_the_order_they_started() {
		this.handoffs.offer(offer("pi-1", "case-1", ServiceType.Shelter, "ngo"));
		this.handoffs.offer(offer("pi-2", "case-2", ServiceType.Shelter, "ngo"));
		this.handoffs.offer(offer("pi-3", "case-1", ServiceType.MedicalCare, "health"));
		this.handoffs.decline("pi-1", "NoCapacity");
		this.handoffs.offer(offer("pi-1", "case-1", ServiceType.Shelter, "social"));

		assertThat(this.handoffs.ofCase("case-1")).extracting(Handoff::service, Handoff::receivingAgency, Handoff::attempts)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(ServiceType.Shelter, "social", 2),
					org.assertj.core.groups.Tuple.tuple(ServiceType.MedicalCare, "health", 1));
		assertThat(this.handoffs.ofCase("case-1").get(0).steps()).hasSize(3);
		assertThat(this.handoffs.ofCase("case-unknown")).isEmpty();
	}

	private static JdbcHandoffs.Withdrawal withdrawal(String processInstanceId, ServiceType service) {
		return new JdbcHandoffs.Withdrawal(processInstanceId, "case-1", service, "social");
	}

	private static JdbcHandoffs.Offer offer(String processInstanceId, String caseId, ServiceType service,
			String receivingAgency) {
		return offer(processInstanceId, caseId, service, receivingAgency, RESPOND_BY);
	}

	private static JdbcHandoffs.Offer offer(String processInstanceId, String caseId, ServiceType service,
			String receivingAgency, Instant respondBy) {
		return new JdbcHandoffs.Offer(processInstanceId, caseId, service, "social", receivingAgency, respondBy);
	}
}
