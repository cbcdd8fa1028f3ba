package org.opennrm.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennrm.test.Api.body;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opennrm.assistance.AssistancePlanProcess;
import org.opennrm.child.ChildProtectionProcess;
import org.opennrm.consent.ConsentLedger;
import org.opennrm.deadlines.DeadlineEscalationProcess;
import org.opennrm.handoff.ServiceHandoffProcess;
import org.opennrm.identification.VictimIdentificationProcess;
import org.opennrm.risk.RiskAssessmentProcess;
import org.opennrm.test.Api;
import org.opennrm.test.CaseJourney;
import org.opennrm.test.EngineJobs;
import org.opennrm.test.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The pathway end to end through our API, agency by agency, as the people who use it would walk it: each scenario is
 * one the domain rules single out (NRM-DOMAIN.md sections 1 to 4 and 7).
 */
@IntegrationTest
class NrmPathwayIT {

	static final Map<String, Object> ADULT_BY_MOBILE_TEAM = body("referringAgency", "ngo", "contactSetting", "Outreach",
			"ageGroup", "Adult", "suspectedExploitation", "LabourExploitation", "foreignNational", true,
			"interpreterNeeded", true);

	static final Map<String, Object> UNACCOMPANIED_CHILD = body("referringAgency", "police", "contactSetting",
			"BorderOrTransit", "ageGroup", "Child", "suspectedExploitation", "LabourExploitation", "foreignNational",
			true, "interpreterNeeded", true);

	/** Recruitment and exploitation indicated on the child labour checklist: enough for a child. */
	static final Map<String, Object> CHILD_LABOUR_INDICATORS = body("observedIndicators",
			List.of("DeceivedAboutJob", "AbductedOrSold", "TooYoungForWork", "HazardousWork"));

	static final Map<String, Object> LOW_RISK = body("riskRating", "Low", "riskFactors", List.of("None"));

	@Autowired
	Api api;

	@Autowired
	CaseJourney journey;

	@Autowired
	EngineJobs jobs;

	@Autowired
	ConsentLedger consents;

	@AfterEach
	void realTime() {
		ClockUtil.reset();
	}

	@Test
	void an_adult_met_by_a_mobile_team_who_refuses_police_cooperation_is_protected_and_assisted_all_the_same() {
		String reference = this.journey.open("demo-ngo", ADULT_BY_MOBILE_TEAM);
		presumedVictim("demo-ngo", reference, CaseJourney.ADULT_LABOUR_INDICATORS);
		reasonableGrounds(reference, "Positive");

		this.journey.complete("demo-ngo", reference, NrmCaseProcess.TASK_RECORD_CONSENT,
				body("consentToReferral", true, "consentToServices", true, "consentToShareWith",
						List.of("social", "ngo", "health"), "consentToPoliceCooperation", false));

		JsonNode view = this.journey.caseView("demo-supervisor", reference);
		assertThat(view.path("leadAgency").asText()).isEqualTo("social");
		assertThat(view.path("protection").asText()).isEqualTo("RecoveryPeriod");
		assertThat(view.path("removalBlocked").asBoolean()).isTrue();
		assertThat(this.journey.taskTypes("demo-police", reference))
			.as("no statement is asked of a person who refused police cooperation")
			.doesNotContain(NrmCaseProcess.TASK_TAKE_STATEMENT, NrmCaseProcess.TASK_ASSESS_WITNESS_PROTECTION);

		assessLowRisk(reference);
		planAndApprove(reference, List.of("Shelter", "PsychoSocialSupport", "LegalAid"));

		assertThat(this.journey.findTask("demo-ngo", reference, ServiceHandoffProcess.TASK_RESPOND_TO_REFERRAL))
			.as("services are offered although the person does not cooperate with police")
			.isPresent();
		assertThat(this.journey.taskTypes("demo-ngo", reference)
			.stream()
			.filter(ServiceHandoffProcess.TASK_RESPOND_TO_REFERRAL::equals)
			.count()).as("shelter, psycho-social support and legal aid all go to NGOs").isEqualTo(3);
		assertThat(this.journey.taskTypes("demo-police", reference)).doesNotContain(NrmCaseProcess.TASK_TAKE_STATEMENT);
	}

	@Test
	void an_unaccompanied_child_in_labour_exploitation_is_led_by_child_protection_with_a_guardian_and_placed_only_after_the_best_interests_determination() {
		String reference = this.journey.open("demo-police", UNACCOMPANIED_CHILD);
		this.journey.complete("demo-police", reference, VictimIdentificationProcess.TASK_SCREEN_INDICATORS,
				CHILD_LABOUR_INDICATORS);
		this.journey.complete("demo-police", reference, VictimIdentificationProcess.TASK_CONFIRM_SCREENING_OUTCOME,
				body("presumedVictim", true));
		reasonableGrounds(reference, "Positive");

		assertThat(this.journey.taskTypes("demo-police", reference))
			.as("a child is referred without the child's own consent").doesNotContain(NrmCaseProcess.TASK_RECORD_CONSENT);
		assertThat(this.journey.caseView("demo-supervisor", reference).path("leadAgency").asText())
			.as("child protection leads, not police").isEqualTo("social");
		this.journey.complete("demo-social", reference, ChildProtectionProcess.TASK_APPOINT_GUARDIAN,
				body("guardianUserId", "demo-guardian"));
		this.journey.complete("demo-guardian", reference, ChildProtectionProcess.TASK_RECORD_GUARDIAN_CONSENT,
				body("consentToServices", true, "consentToShareWithAgencies", List.of("ngo", "health"),
						"childViewsHeard", true));
		assertThat(this.consents.history(caseId(reference))).isNotEmpty()
			.allSatisfy(decision -> assertThat(decision.givenBy().name()).isEqualTo("Guardian"));

		assessLowRisk(reference);
		this.journey.complete("demo-social", reference, AssistancePlanProcess.TASK_DRAFT_ASSISTANCE_PLAN,
				body("plannedServices", List.of("Shelter", "EducationOrEmployment"), "writtenWith", "Guardian",
						"planReference", "PLAN/CHILD/1"));
		this.journey.complete("demo-supervisor", reference, AssistancePlanProcess.TASK_APPROVE_ASSISTANCE_PLAN,
				body("planApproved", true));

		assertThat(this.journey.findTask("demo-ngo", reference, ServiceHandoffProcess.TASK_RESPOND_TO_REFERRAL))
			.as("no placement before the best-interests determination").isEmpty();
		assertThat(requestReturn("demo-police", reference).path("outcome").asText()).isEqualTo("Blocked");

		this.journey.complete("demo-social", reference, ChildProtectionProcess.TASK_DETERMINE_BEST_INTERESTS,
				body("placementInBestInterests", true, "familyContactInBestInterests", false,
						"returnInBestInterests", false));

		assertThat(this.journey.findTask("demo-ngo", reference, ServiceHandoffProcess.TASK_RESPOND_TO_REFERRAL))
			.as("the shelter is offered once placement is in the child's best interests").isPresent();
		assertThat(requestReturn("demo-police", reference).path("outcome").asText())
			.as("return is not in the child's best interests").isEqualTo("Blocked");
	}

	@Test
	void a_withdrawal_of_police_cooperation_mid_way_stops_the_police_steps_and_nothing_else() {
		String reference = this.journey.open("demo-police", CaseJourney.ADULT_BY_POLICE);
		presumedVictim("demo-police", reference, CaseJourney.ADULT_LABOUR_INDICATORS);
		reasonableGrounds(reference, "Positive");
		this.journey.complete("demo-police", reference, NrmCaseProcess.TASK_RECORD_CONSENT,
				body("consentToReferral", true, "consentToServices", true, "consentToShareWith",
						List.of("social", "ngo", "police"), "consentToPoliceCooperation", true));
		assertThat(this.journey.taskTypes("demo-police", reference)).contains(NrmCaseProcess.TASK_TAKE_STATEMENT);
		List<String> socialBefore = this.journey.taskTypes("demo-social", reference);
		assertThat(socialBefore).contains(RiskAssessmentProcess.TASK_ASSESS_RISK_AS_CASE_MANAGER);

		Api.Response withdrawn = this.api.as("demo-social")
			.post("/api/cases/" + reference + "/consent-withdrawals", body("purpose", "PoliceCooperation"));
		this.jobs.runAll();

		assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(204);
		assertThat(this.journey.taskTypes("demo-police", reference)).doesNotContain(NrmCaseProcess.TASK_TAKE_STATEMENT);
		assertThat(this.journey.taskTypes("demo-social", reference)).as("the person's own services go on")
			.containsAll(socialBefore);
		assertThat(this.journey.caseView("demo-supervisor", reference).path("removalBlocked").asBoolean()).isTrue();
		assertThat(this.consents.history(caseId(reference)))
			.anySatisfy(decision -> assertThat(decision.given()).isFalse());
		assertThat(notificationKinds("demo-social", reference)).contains("ConsentWithdrawn");
	}

	@Test
	void a_missed_preliminary_decision_escalates_to_the_supervisor_then_the_coordinator_and_protection_stays() {
		String reference = this.journey.open("demo-police", CaseJourney.ADULT_BY_POLICE);
		presumedVictim("demo-police", reference, CaseJourney.ADULT_LABOUR_INDICATORS);
		JsonNode decision = this.journey.task("demo-authority", reference,
				VictimIdentificationProcess.TASK_DECIDE_REASONABLE_GROUNDS);
		Instant due = Instant.parse(decision.path("due").asText());
		assertThat(due).isAfter(Instant.now().plus(Duration.ofDays(5)));

		at(due.minus(Duration.ofHours(1)));
		assertThat(notificationKinds("demo-authority", reference)).contains("DeadlineReminder");
		assertThat(this.journey.findTask("demo-supervisor", reference,
				DeadlineEscalationProcess.TASK_FOLLOW_UP_OVERDUE_TASK)).isEmpty();

		at(due.plus(Duration.ofMinutes(5)));
		assertThat(this.journey.findTask("demo-supervisor", reference,
				DeadlineEscalationProcess.TASK_FOLLOW_UP_OVERDUE_TASK)).isPresent();
		assertProtected(reference);

		at(due.plus(Duration.ofDays(6)));
		assertThat(this.journey.findTask("demo-coordinator", reference,
				DeadlineEscalationProcess.TASK_REVIEW_ESCALATED_CASE)).isPresent();
		assertThat(notificationKinds("demo-coordinator", reference)).contains("EscalatedToCoordinator");
		assertProtected(reference);

		reasonableGrounds(reference, "Positive");

		assertThat(this.journey.findTask("demo-coordinator", reference,
				DeadlineEscalationProcess.TASK_REVIEW_ESCALATED_CASE)).as("the escalation closes once decided").isEmpty();
		assertThat(this.journey.findTask("demo-supervisor", reference,
				DeadlineEscalationProcess.TASK_FOLLOW_UP_OVERDUE_TASK)).isEmpty();
		assertProtected(reference);
	}

	private void assertProtected(String reference) {
		JsonNode view = this.journey.caseView("demo-supervisor", reference);
		assertThat(view.path("personStatus").asText()).isEqualTo("Presumed");
		assertThat(view.path("removalBlocked").asBoolean()).as("protection: %s", view.path("protection")).isTrue();
		assertThat(requestReturn("demo-police", reference).path("outcome").asText()).isEqualTo("Blocked");
	}

	private void presumedVictim(String userId, String reference, Map<String, Object> indicators) {
		this.journey.complete(userId, reference, VictimIdentificationProcess.TASK_SCREEN_INDICATORS, indicators);
		this.journey.complete(userId, reference, VictimIdentificationProcess.TASK_CONFIRM_SCREENING_OUTCOME,
				body("presumedVictim", true));
	}

	private void reasonableGrounds(String reference, String grounds) {
		this.journey.complete("demo-authority", reference, VictimIdentificationProcess.TASK_DECIDE_REASONABLE_GROUNDS,
				body("reasonableGrounds", grounds));
	}

	private void assessLowRisk(String reference) {
		this.journey.complete("demo-police", reference, RiskAssessmentProcess.TASK_ASSESS_RISK_AS_POLICE, LOW_RISK);
		this.journey.complete("demo-social", reference, RiskAssessmentProcess.TASK_ASSESS_RISK_AS_CASE_MANAGER,
				LOW_RISK);
	}

	private void planAndApprove(String reference, List<String> services) {
		this.journey.complete("demo-social", reference, AssistancePlanProcess.TASK_DRAFT_ASSISTANCE_PLAN,
				body("plannedServices", services, "writtenWith", "Person", "planReference", "PLAN/1"));
		this.journey.complete("demo-supervisor", reference, AssistancePlanProcess.TASK_APPROVE_ASSISTANCE_PLAN,
				body("planApproved", true));
	}

	private JsonNode requestReturn(String userId, String reference) {
		Api.Response response = this.api.as(userId)
			.post("/api/cases/" + reference + "/return-requests", body("reason", "PersonRequested"));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		this.jobs.runAll();
		return response.json();
	}

	private List<String> notificationKinds(String userId, String reference) {
		return this.api.as(userId)
			.get("/api/notifications?limit=200")
			.json()
			.findParents("caseReference")
			.stream()
			.filter(notification -> notification.path("caseReference").asText().equals(reference))
			.map(notification -> notification.path("kind").asText())
			.toList();
	}

	private String caseId(String reference) {
		return this.journey.caseId(reference);
	}

	/** Moves the engine clock and runs what fell due. */
	private void at(Instant moment) {
		ClockUtil.setCurrentTime(Date.from(moment));
		this.jobs.runAll();
	}
}
