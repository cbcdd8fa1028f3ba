package org.opennrm.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennrm.test.Api.body;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.handoff.ServiceHandoffProcess;
import org.opennrm.test.Api;
import org.opennrm.test.CaseJourney;
import org.opennrm.test.IntegrationTest;
import org.opennrm.test.PublishedEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The case file through our API as the agencies of one case see it: only the sections the access policy grants, at
 * the moment of the request; absent, never masked; every read recorded.
 * <p>
 * The case: an adult met by police, presumed a victim, consenting to share with social services, the NGO and
 * health services and to cooperate with police; social services lead after the preliminary decision, and the NGO
 * holds an open shelter hand-off.
 */
@IntegrationTest
class CaseFileIT {

	/** Right-to-left, a combining mark (not the precomposed letter), an emoji with skin tone and joiner. */
	static final List<String> ALIASES = List.of("مريم", "Zoe\u0308", "Ana 👩🏽\u200d⚕️");

	static final Map<String, Object> IDENTITY = body("firstName", "Ana", "secondName", "Đorđević-山田",
			"aliases", ALIASES, "birthdate", "1999-04-01", "gender", "Female", "nationality", "RS",
			"languages", List.of("sr", "en"), "mobilePhone", "+38160000000");

	static final Map<String, Object> HEALTH = body("conditions", "fractured wrist", "medicalNeeds", "orthopaedic care");

	static final Map<String, Object> STATEMENT = body("statements",
			List.of(body("date", "2026-01-10", "takenBy", "demo-police", "text", "statement of the person")),
			"investigationReference", "INV-1");

	@Autowired
	Api api;

	@Autowired
	CaseJourney journey;

	@Autowired
	PublishedEvents events;

	@Autowired
	JdbcTemplate jdbc;

	String reference;

	@BeforeEach
	void caseWithAnOpenShelterHandoff() {
		this.reference = this.journey.adultWithOpenShelterHandoff();
		assertThat(write("demo-social", "identity", IDENTITY).status()).isEqualTo(200);
		assertThat(write("demo-health", "health", HEALTH).status()).as("health is not involved yet").isEqualTo(404);
	}

	@AfterEach
	void realTime() {
		ClockUtil.reset();
	}

	@Test
	void each_agency_gets_the_sections_its_role_and_involvement_allow_and_the_others_are_absent() {
		assertThat(write("demo-police", "law-enforcement", STATEMENT).status()).isEqualTo(200);

		assertThat(sections("demo-social")).containsExactlyInAnyOrder("identity", "identification", "risk", "health",
				"psycho-social", "legal", "services");
		assertThat(sections("demo-police")).as("police cooperation: identity and the law-enforcement compartment")
			.containsExactlyInAnyOrder("identity", "law-enforcement");
		assertThat(sections("demo-ngo")).as("the shelter hand-off's defaults").containsExactlyInAnyOrder("identity",
				"risk");
		assertThat(sections("demo-supervisor")).containsExactlyInAnyOrder("identity", "identification", "risk",
				"services");
		assertThat(sections("demo-authority")).containsExactlyInAnyOrder("identity", "identification");

		JsonNode file = this.api.as("demo-ngo").get("/api/cases/" + this.reference + "/file").json();
		assertThat(file.path("sections").has("health")).as("absent, not masked").isFalse();
		assertThat(file.toString()).doesNotContain("fractured", "statement of the person", "INV-1");
		assertThat(file.at("/sections/identity/content/secondName").asText()).as("names byte-exact, any script")
			.isEqualTo("Đorđević-山田");
		List<String> aliases = new ArrayList<>();
		file.at("/sections/identity/content/aliases").forEach(alias -> aliases.add(alias.asText()));
		assertThat(aliases).as("stored byte-exact, never normalised").containsExactlyElementsOf(ALIASES);

		for (String outsider : List.of("demo-health", "demo-auditor", "demo-admin")) {
			assertThat(this.api.as(outsider).get("/api/cases/" + this.reference + "/file").status())
				.as("%s is not involved in the case", outsider).isEqualTo(404);
		}
		assertThat(this.api.anonymous().get("/api/cases/" + this.reference + "/file").status()).isEqualTo(401);
		assertThat(read("demo-ngo", "health").status()).isEqualTo(403);
		assertThat(read("demo-supervisor", "law-enforcement").status()).isEqualTo(403);
		assertThat(write("demo-ngo", "identity", IDENTITY).status())
			.as("a referral recipient reads identity but writes only what its service produces").isEqualTo(403);
	}

	@Test
	void every_read_of_a_written_section_is_published_with_who_which_section_and_why() {
		int before = this.events.of(SectionRead.class).size();

		assertThat(read("demo-ngo", "identity").status()).isEqualTo(200);

		List<SectionRead> reads = this.events.of(SectionRead.class);
		assertThat(reads).hasSize(before + 1);
		SectionRead read = reads.get(reads.size() - 1);
		assertThat(read.reference()).isEqualTo(this.reference);
		assertThat(read.section()).isEqualTo(Section.Identity);
		assertThat(read.userId()).isEqualTo("demo-ngo");
		assertThat(read.basis()).isEqualTo(AccessDecision.Basis.ReferralRecipient);
		assertThat(read.purpose()).isEqualTo("ServiceDelivery");
		assertThat(this.events.of(SectionWritten.class))
			.anySatisfy(written -> assertThat(written.reference() + written.section() + written.userId())
				.isEqualTo(this.reference + Section.Identity + "demo-social"));
	}

	@Test
	void a_withdrawal_of_consent_to_share_with_an_agency_closes_the_file_to_it_at_once() {
		assertThat(read("demo-ngo", "identity").status()).isEqualTo(200);

		Api.Response withdrawn = this.api.as("demo-social").post("/api/cases/" + this.reference
				+ "/consent-withdrawals", body("purpose", "SharingWithAgency", "recipient", "ngo"));

		assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(204);
		assertThat(read("demo-ngo", "identity").status()).isEqualTo(404);
		assertThat(read("demo-social", "identity").status()).as("the case owner needs no sharing consent")
			.isEqualTo(200);

		Api.Response policeWithdrawn = this.api.as("demo-social").post("/api/cases/" + this.reference
				+ "/consent-withdrawals", body("purpose", "PoliceCooperation"));
		assertThat(policeWithdrawn.status()).isEqualTo(204);
		assertThat(read("demo-police", "identity").status()).isEqualTo(404);
	}

	@Test
	void the_referring_caseworker_chooses_what_the_receiving_agency_sees_while_the_handoff_is_open() {
		String handoff = shelterHandoff();
		String shared = "/api/cases/" + this.reference + "/handoffs/" + handoff + "/shared-sections";
		assertThat(this.api.as("demo-social").get(shared).json().path("sections")).extracting(JsonNode::asText)
			.containsExactly("identity", "risk");

		assertThat(this.api.as("demo-ngo").put(shared, body("sections", List.of("identity", "health"))).status())
			.as("only the referring agency chooses").isEqualTo(403);
		assertThat(this.api.as("demo-social").put(shared, body("sections", List.of("law-enforcement"))).status())
			.as("the law-enforcement compartment is never shared").isIn(400, 403);
		assertThat(this.api.as("demo-social").put(shared, body("sections", List.of("identity", "health"))).status())
			.as("the NGO's role may never read health").isEqualTo(400);
		Api.Response chosen = this.api.as("demo-social").put(shared, body("sections", List.of("identity", "legal")));
		assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);
		assertThat(sections("demo-ngo")).containsExactlyInAnyOrder("identity", "legal");
		assertThat(write("demo-ngo", "legal", body("residenceStatus", "temporary permit")).status())
			.as("a recipient writes what its service produces").isEqualTo(200);
		assertThat(this.events.of(ReferralSharesChanged.class)).isNotEmpty();

		this.journey.complete("demo-ngo", this.reference, ServiceHandoffProcess.TASK_RESPOND_TO_REFERRAL,
				body("referralAccepted", false, "declineReason", "NoCapacity"));

		assertThat(this.api.as("demo-ngo").get("/api/cases/" + this.reference + "/file").status())
			.as("the grant ends when the hand-off closes for the NGO").isEqualTo(404);
		assertThat(this.journey.taskTypes("demo-social", this.reference)).as("the routing rules offer it to the next "
				+ "provider").contains(ServiceHandoffProcess.TASK_RESPOND_TO_REFERRAL);
		assertThat(this.api.as("demo-social").get(shared).json().path("sections")).extracting(JsonNode::asText)
			.as("a choice holds for the agency it was made for: the next provider gets the defaults")
			.containsExactly("identity", "risk");
	}

	@Test
	void a_supervisor_breaks_the_glass_for_a_stated_reason_and_a_limited_time_never_into_the_police_compartment() {
		assertThat(write("demo-police", "law-enforcement", STATEMENT).status()).isEqualTo(200);
		String breakGlass = "/api/cases/" + this.reference + "/break-glass";
		assertThat(read("demo-supervisor", "health").status()).isEqualTo(403);
		assertThat(this.api.as("demo-supervisor").post(breakGlass, body("reason", "why")).status()).isEqualTo(400);
		assertThat(this.api.as("demo-social").post(breakGlass, body("reason", "the person is in danger now")).status())
			.as("only supervisors break the glass").isEqualTo(403);

		Instant now = Instant.now();
		Api.Response opened = this.api.as("demo-supervisor").post(breakGlass,
				body("reason", "Emergency admission: the hospital needs the known conditions"));

		assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
		assertThat(Instant.parse(opened.json().path("openUntil").asText())).isBetween(now.plus(Duration.ofHours(4))
			.minusSeconds(60), now.plus(Duration.ofHours(4)).plusSeconds(60));
		assertThat(this.events.of(BreakGlassOpened.class)).anySatisfy(event -> {
			assertThat(event.reference()).isEqualTo(this.reference);
			assertThat(event.userId()).isEqualTo("demo-supervisor");
			assertThat(event.reason()).startsWith("Emergency admission");
		});
		assertThat(this.jdbc.queryForObject("select count(*) from nrm_break_glass where user_id = 'demo-supervisor' "
				+ "and reason like 'Emergency admission%'", Integer.class)).isPositive();
		Api.Response health = read("demo-supervisor", "health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(this.events.of(SectionRead.class).get(this.events.of(SectionRead.class).size() - 1).basis())
			.isEqualTo(AccessDecision.Basis.BreakGlass);
		assertThat(read("demo-supervisor", "law-enforcement").status()).isEqualTo(403);
		assertThat(write("demo-supervisor", "health", HEALTH).status()).as("break-glass reads, it does not write")
			.isEqualTo(403);

		ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofHours(4)).plusSeconds(120)));

		assertThat(read("demo-supervisor", "health").status()).as("the glass closes by itself").isEqualTo(403);
	}

	@Test
	void a_write_based_on_an_old_version_is_refused_and_changes_nothing() {
		JsonNode current = read("demo-social", "identity").json();
		int version = current.path("version").asInt();
		Map<String, String> ifMatch = Map.of("If-Match", "\"" + version + "\"");

		Api.Response first = this.api.as("demo-social").put(path("identity"),
				body("firstName", "Ana", "secondName", "Second"), ifMatch);
		Api.Response stale = this.api.as("demo-social").put(path("identity"),
				body("firstName", "Ana", "secondName", "Stale"), ifMatch);

		assertThat(first.status()).isEqualTo(200);
		assertThat(first.json().path("version").asInt()).isEqualTo(version + 1);
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.headers().getContentType().toString()).startsWith("application/problem+json");
		assertThat(read("demo-social", "identity").json().at("/content/secondName").asText()).isEqualTo("Second");
	}

	@Test
	void invalid_content_gets_a_problem_naming_the_fields_and_nothing_is_stored() {
		int version = read("demo-social", "identity").json().path("version").asInt();

		Api.Response invalid = write("demo-social", "identity", body("nationality", "Serbia", "gender", "Female",
				"mobilePhone", "call me", "birthdate", "2999-01-01"));
		Api.Response unknownField = write("demo-social", "identity", body("favouriteColour", "blue"));
		Api.Response wrongEnum = write("demo-social", "identity", body("gender", "Robot"));
		Api.Response screenings = write("demo-social", "identification",
				body("screenings", List.of(body("checklistId", "general", "checklistVersion", 1))));
		Api.Response noSuchSection = this.api.as("demo-social").get(path("diary"));

		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.body()).contains("nationality", "mobilePhone", "birthdate").doesNotContain("Exception");
		assertThat(unknownField.status()).isEqualTo(400);
		assertThat(wrongEnum.status()).isEqualTo(400);
		assertThat(screenings.status()).as("screenings are written by the screening task only").isEqualTo(400);
		assertThat(noSuchSection.status()).isIn(400, 404);
		assertThat(read("demo-social", "identity").json().path("version").asInt()).isEqualTo(version);
	}

	@Test
	void the_screening_and_the_risk_assessments_are_in_the_case_file_not_in_the_engine() {
		JsonNode identification = read("demo-social", "identification").json();
		assertThat(identification.at("/content/screenings/0/observedIndicators")).extracting(JsonNode::asText)
			.contains("DeceivedAboutJob", "DebtBondage");
		assertThat(identification.at("/content/screenings/0/screenedBy").asText()).isEqualTo("demo-police");

		JsonNode risk = read("demo-social", "risk").json();
		assertThat(risk.at("/content/assessments")).hasSize(2);
		assertThat(risk.at("/content/assessments").findValuesAsText("assessorAgency")).containsExactlyInAnyOrder(
				"police", "social");
	}

	@Test
	void the_stored_sections_carry_the_key_id_and_no_plaintext() {
		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"select section, key_id, content from nrm_case_file_section where case_id = ?",
				this.journey.caseId(this.reference));

		assertThat(rows).extracting(row -> row.get("section")).contains("identity", "identification", "risk");
		assertThat(rows).allSatisfy(row -> {
			assertThat(((Number) row.get("key_id")).longValue()).isNotZero();
			String raw = new String((byte[]) row.get("content"), StandardCharsets.ISO_8859_1);
			assertThat(raw).doesNotContain("Ana", "firstName", "DebtBondage", "observedIndicators");
		});
	}

	private String shelterHandoff() {
		JsonNode handoffs = this.api.as("demo-social").get("/api/cases/" + this.reference + "/handoffs").json();
		for (JsonNode handoff : handoffs.findParents("service")) {
			if (handoff.path("service").asText().equals("Shelter")) {
				return handoff.path("id").asText();
			}
		}
		throw new AssertionError("No shelter hand-off: " + handoffs);
	}

	private List<String> sections(String userId) {
		Api.Response response = this.api.as(userId).get("/api/cases/" + this.reference + "/file");
		assertThat(response.status()).as("%s reads the file: %s", userId, response).isEqualTo(200);
		List<String> names = new ArrayList<>();
		response.json().path("sections").fieldNames().forEachRemaining(names::add);
		return names;
	}

	private Api.Response read(String userId, String section) {
		return this.api.as(userId).get(path(section));
	}

	private Api.Response write(String userId, String section, Map<String, Object> content) {
		return this.api.as(userId).put(path(section), content);
	}

	private String path(String section) {
		return "/api/cases/" + this.reference + "/file/" + section;
	}
}
