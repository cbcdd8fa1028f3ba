package org.opennrm.casefile.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opennrm.casefile.AccessDecision.Basis;
import org.opennrm.casefile.Section;
import org.opennrm.consent.ConsentPurpose;
import org.opennrm.handoff.ServiceHandoffProcess.ServiceType;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;

/** The shipped policy file reads as written, and a mistake in any policy file stops the start with its reason. */
class AccessPolicyTest {

	static final AccessPolicy SHIPPED = shipped();

	@Test
	void the_shipped_policy_keeps_the_law_enforcement_compartment_to_police() {
		assertThat(SHIPPED.sections().get(Section.LawEnforcement).read()).containsExactly("police");
		assertThat(SHIPPED.sections().get(Section.LawEnforcement).write()).containsExactly("police");
		assertThat(SHIPPED.shareable()).doesNotContain(Section.LawEnforcement);
		assertThat(SHIPPED.breakGlass().sections()).doesNotContain(Section.LawEnforcement);
		SHIPPED.scopes().forEach((basis, scope) -> {
			if (basis != Basis.PoliceCooperation) {
				assertThat(scope.sections()).as(basis.key()).doesNotContain(Section.LawEnforcement);
			}
		});
	}

	@Test
	void the_shipped_policy_gives_every_section_a_reader_and_a_writer() {
		for (Section section : Section.values()) {
			assertThat(SHIPPED.sections()).containsKey(section);
			assertThat(SHIPPED.sections().get(section).read()).as(section.key()).isNotEmpty();
			assertThat(SHIPPED.sections().get(section).write()).as(section.key()).isNotEmpty();
		}
	}

	@Test
	void sharing_with_another_agency_and_police_cooperation_need_consent() {
		assertThat(SHIPPED.scopes().get(Basis.ReferralRecipient).consent()).isEqualTo(ConsentPurpose.SharingWithAgency);
		assertThat(SHIPPED.scopes().get(Basis.PoliceCooperation).consent()).isEqualTo(ConsentPurpose.PoliceCooperation);
		assertThat(SHIPPED.scopes().get(Basis.CaseOwner).consent()).isNull();
	}

	@Test
	void a_referral_recipient_writes_only_what_its_service_produces_and_the_case_owner_all_it_covers() {
		assertThat(SHIPPED.scopes().get(Basis.ReferralRecipient).writable(Set.of(Section.Identity, Section.Health)))
			.containsExactly(Section.Health);
		assertThat(SHIPPED.scopes().get(Basis.CaseOwner).writable(Set.of(Section.Identity, Section.Health)))
			.containsExactlyInAnyOrder(Section.Identity, Section.Health);
	}

	@Test
	void supervisors_oversee_without_the_special_category_sections_and_break_the_glass_for_four_hours() {
		assertThat(SHIPPED.scopes().get(Basis.Oversight).sections()).doesNotContain(Section.Health,
				Section.PsychoSocial, Section.Legal, Section.LawEnforcement);
		assertThat(SHIPPED.breakGlass().roles()).containsExactly("supervisor");
		assertThat(SHIPPED.breakGlass().duration()).isEqualTo(Duration.ofHours(4));
	}

	@Test
	void every_service_shares_the_least_it_needs_by_default() {
		for (ServiceType service : ServiceType.values()) {
			assertThat(SHIPPED.referralDefaults()).as(service.name()).containsKey(service);
			assertThat(SHIPPED.referralDefaults().get(service)).contains(Section.Identity);
		}
		assertThat(SHIPPED.referralDefaults().get(ServiceType.Shelter)).doesNotContain(Section.Health);
		assertThat(SHIPPED.referralDefaults().get(ServiceType.MedicalCare)).contains(Section.Health);
	}

	@Test
	void an_unknown_role_section_scope_service_or_consent_is_named_and_stops_the_start() {
		assertThatThrownBy(() -> read("""
				sections:
				  identity: {read: [police, janitor], write: [police]}
				  diary: {read: [police], write: [police]}
				scopes:
				  case-owner: {purpose: CaseManagement, sections: [identity]}
				  friends: {purpose: Gossip, sections: [identity]}
				  police-cooperation: {purpose: Investigation, consent: Maybe, sections: [identity]}
				referral-defaults:
				  Karaoke: [identity]
				shareable: [identity]
				"""))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("unknown role 'janitor'")
			.hasMessageContaining("unknown section 'diary'")
			.hasMessageContaining("unknown scope 'friends'")
			.hasMessageContaining("unknown consent purpose 'Maybe'")
			.hasMessageContaining("unknown service 'Karaoke'");
	}

	@Test
	void a_misspelt_key_is_not_silently_ignored() {
		assertThatThrownBy(() -> read("""
				sections:
				  identity: {read: [police], wirte: [police]}
				"""))
			.hasMessageContaining("wirte");
	}

	@Test
	void the_law_enforcement_compartment_can_be_neither_shared_nor_broken_into() {
		assertThatThrownBy(() -> read("""
				shareable: [identity, law-enforcement]
				"""))
			.hasMessageContaining("law-enforcement compartment");
		assertThatThrownBy(() -> read("""
				break-glass: {roles: [supervisor], duration: PT1H, sections: [law-enforcement]}
				"""))
			.hasMessageContaining("law-enforcement compartment");
	}

	@Test
	void defaults_cannot_share_more_than_may_ever_be_shared() {
		assertThatThrownBy(() -> read("""
				referral-defaults:
				  Shelter: [identity, health]
				shareable: [identity]
				"""))
			.hasMessageContaining("referral-defaults for Shelter");
	}

	@Test
	void a_scope_without_purpose_or_sections_is_refused() {
		assertThatThrownBy(() -> read("""
				scopes:
				  oversight: {sections: [identity]}
				  guardian: {purpose: GuardianDuties}
				"""))
			.hasMessageContaining("scope 'oversight' names no purpose")
			.hasMessageContaining("scope 'guardian' names no sections");
	}

	@Test
	void what_a_policy_does_not_name_is_denied() {
		AccessPolicy empty = read("shareable: []\n");
		assertThat(empty.sections()).isEmpty();
		assertThat(empty.scopes()).isEmpty();
		assertThat(empty.breakGlass().roles()).isEmpty();
		assertThat(empty.breakGlass().duration()).isZero();
	}

	private static AccessPolicy read(String yaml) {
		try {
			return AccessPolicy.read(new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8), "test policy"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
	}

	private static AccessPolicy shipped() {
		try {
			return AccessPolicy.read(new FileSystemResource("config/access-policy.yml"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
