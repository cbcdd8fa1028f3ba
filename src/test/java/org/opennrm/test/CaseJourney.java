package org.opennrm.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.opennrm.assistance.AssistancePlanProcess;
import org.opennrm.cases.Cases;
import org.opennrm.casework.NrmCaseProcess;
import org.opennrm.child.ChildProtectionProcess;
import org.opennrm.identification.VictimIdentificationProcess;
import org.opennrm.risk.RiskAssessmentProcess;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.ApplicationContext;

/**
 * Walks a case through the pathway over our API, as the caseworkers of each agency would: open it, find the task of a
 * type waiting for a user, claim and complete it with its typed body, and let the engine run what follows.
 */
@TestComponent
public class CaseJourney {

	/** An adult met by police, labour exploitation suspected, not a foreign national, no interpreter. */
	public static final Map<String, Object> ADULT_BY_POLICE = Api.body("referringAgency", "police", "contactSetting",
			"PoliceOperation", "ageGroup", "Adult", "suspectedExploitation", "LabourExploitation", "foreignNational",
			false, "interpreterNeeded", false);

	/** An adult met by an NGO's outreach, sexual exploitation suspected, not a foreign national, no interpreter. */
	public static final Map<String, Object> ADULT_BY_NGO = Api.body("referringAgency", "ngo", "contactSetting",
			"Outreach", "ageGroup", "Adult", "suspectedExploitation", "SexualExploitation", "foreignNational", false,
			"interpreterNeeded", false);

	/** Recruitment, exploitation and coercion each indicated on the adult labour checklist: presumed a victim. */
	public static final Map<String, Object> ADULT_LABOUR_INDICATORS = Api.body("observedIndicators",
			List.of("DeceivedAboutJob", "ViolenceDuringRecruitment", "ExcessiveHours", "LowOrNoPay", "PapersKept",
					"DebtBondage"));

	/** A child of uncertain age met at a border: presumed a child, a guardian appointed, the age to be assessed. */
	public static final Map<String, Object> UNCERTAIN_AGE_CHILD = Api.body("referringAgency", "police",
			"contactSetting", "BorderOrTransit", "ageGroup", "Uncertain", "suspectedExploitation", "LabourExploitation",
			"foreignNational", true, "interpreterNeeded", true);

	/** Recruitment and exploitation indicated on the child labour checklist: enough for a child. */
	public static final Map<String, Object> CHILD_LABOUR_INDICATORS = Api.body("observedIndicators",
			List.of("DeceivedAboutJob", "AbductedOrSold", "TooYoungForWork", "HazardousWork"));

	private final Api api;

	private final EngineJobs jobs;

	private final Cases cases;

	CaseJourney(Api api, EngineJobs jobs, Cases cases) {
		this.api = api;
		this.jobs = jobs;
		this.cases = cases;
	}

	/** A journey on a service started outside the shared test context ({@link ServiceRuns}). */
	public static CaseJourney on(ApplicationContext context) {
		return new CaseJourney(new Api(context.getEnvironment()), jobsOf(context), context.getBean(Cases.class));
	}

	private static EngineJobs jobsOf(ApplicationContext context) {
		return new EngineJobs(context.getBean(ManagementService.class));
	}

	/** The registry's id of the case. */
	public String caseId(String reference) {
		return this.cases.findByReference(reference).orElseThrow().caseId();
	}

	/** Opens a case as the user and returns its reference. */
	public String open(String userId, Map<String, Object> intake) {
		Api.Response opened = this.api.as(userId).post("/api/cases", intake);
		assertThat(opened.status()).as("open a case: %s", opened).isEqualTo(201);
		this.jobs.runAll();
		return opened.json().path("reference").asText();
	}

	/** The one task of that type on the case that the user can see. */
	public JsonNode task(String userId, String reference, String taskType) {
		List<JsonNode> found = tasks(userId, reference, taskType);
		assertThat(found).as("%s tasks on %s visible to %s; all: %s", taskType, reference, userId,
				taskTypes(userId, reference))
			.hasSize(1);
		return found.get(0);
	}

	/** The task of that type on the case, if the user can see one. */
	public Optional<JsonNode> findTask(String userId, String reference, String taskType) {
		List<JsonNode> found = tasks(userId, reference, taskType);
		return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
	}

	/** The types of the tasks of the case the user can see. */
	public List<String> taskTypes(String userId, String reference) {
		List<String> types = new ArrayList<>();
		page(userId, reference).path("tasks").forEach(task -> types.add(task.path("taskType").asText()));
		return types;
	}

	/** Claims and completes the task of that type, then runs what the engine does next. */
	public void complete(String userId, String reference, String taskType, Map<String, Object> body) {
		String taskId = task(userId, reference, taskType).path("id").asText();
		Api.Response claimed = this.api.as(userId).post("/api/tasks/" + taskId + "/claim");
		assertThat(claimed.status()).as("claim %s: %s", taskType, claimed).isEqualTo(204);
		Api.Response completed = this.api.as(userId).post("/api/tasks/" + taskId + "/complete", body);
		assertThat(completed.status()).as("complete %s: %s", taskType, completed).isEqualTo(204);
		this.jobs.runAll();
	}

	/**
	 * A child of uncertain age met by police, presumed a victim with reasonable grounds: social services are to appoint
	 * a guardian.
	 * @return the case reference
	 */
	public String childAwaitingGuardian() {
		return withReasonableGrounds(UNCERTAIN_AGE_CHILD, CHILD_LABOUR_INDICATORS);
	}

	/**
	 * A child of uncertain age met by police, presumed a victim with reasonable grounds, for whom social services have
	 * appointed this guardian: the guardian's consent task is open, assigned to them.
	 * @return the case reference
	 */
	public String childWithGuardian(String guardianUserId) {
		String reference = childAwaitingGuardian();
		complete("demo-social", reference, ChildProtectionProcess.TASK_APPOINT_GUARDIAN,
				Api.body("guardianUserId", guardianUserId));
		return reference;
	}

	/**
	 * An adult met by police, presumed a victim with reasonable grounds, who consents to share with social services,
	 * the NGO and health services and to cooperate with police; risk assessed low; a plan with shelter approved, so
	 * social services lead and the NGO holds an open shelter hand-off. Health services have no part in it.
	 * @return the case reference
	 */
	public String adultWithOpenShelterHandoff() {
		String reference = adultWithShelterPlanDrafted();
		complete("demo-supervisor", reference, AssistancePlanProcess.TASK_APPROVE_ASSISTANCE_PLAN,
				Api.body("planApproved", true));
		return reference;
	}

	/**
	 * The case of {@link #adultWithOpenShelterHandoff()} up to its plan with shelter, drafted by social services and
	 * waiting for a supervisor's approval (for a test whose supervisors do not use HTTP Basic).
	 * @return the case reference
	 */
	public String adultWithShelterPlanDrafted() {
		String reference = withReasonableGrounds(ADULT_BY_POLICE, ADULT_LABOUR_INDICATORS);
		complete("demo-police", reference, NrmCaseProcess.TASK_RECORD_CONSENT,
				Api.body("consentToReferral", true, "consentToServices", true, "consentToShareWith",
						List.of("social", "ngo", "health"), "consentToPoliceCooperation", true));
		Map<String, Object> lowRisk = Api.body("riskRating", "Low", "riskFactors", List.of("None"));
		complete("demo-police", reference, RiskAssessmentProcess.TASK_ASSESS_RISK_AS_POLICE, lowRisk);
		complete("demo-social", reference, RiskAssessmentProcess.TASK_ASSESS_RISK_AS_CASE_MANAGER, lowRisk);
		complete("demo-social", reference, AssistancePlanProcess.TASK_DRAFT_ASSISTANCE_PLAN,
				Api.body("plannedServices", List.of("Shelter"), "writtenWith", "Person", "planReference", "PLAN/1"));
		return reference;
	}

	/**
	 * A case opened by police with this intake, screened with these indicators, presumed a victim, with reasonable
	 * grounds decided.
	 * @return the case reference
	 */
	private String withReasonableGrounds(Map<String, Object> intake, Map<String, Object> indicators) {
		String reference = open("demo-police", intake);
		complete("demo-police", reference, VictimIdentificationProcess.TASK_SCREEN_INDICATORS, indicators);
		complete("demo-police", reference, VictimIdentificationProcess.TASK_CONFIRM_SCREENING_OUTCOME,
				Api.body("presumedVictim", true));
		complete("demo-authority", reference, VictimIdentificationProcess.TASK_DECIDE_REASONABLE_GROUNDS,
				Api.body("reasonableGrounds", "Positive"));
		return reference;
	}

	/** The case as the user sees it through {@code GET /api/cases/{reference}}. */
	public JsonNode caseView(String userId, String reference) {
		Api.Response response = this.api.as(userId).get("/api/cases/" + reference);
		assertThat(response.status()).as("read case %s: %s", reference, response).isEqualTo(200);
		return response.json();
	}

	/** One section of the case file as the user reads it through {@code GET /api/cases/{reference}/file/{section}}. */
	public JsonNode section(String userId, String reference, String section) {
		Api.Response response = this.api.as(userId).get("/api/cases/" + reference + "/file/" + section);
		assertThat(response.status()).as("read %s of %s: %s", section, reference, response).isEqualTo(200);
		return response.json();
	}

	private List<JsonNode> tasks(String userId, String reference, String taskType) {
		List<JsonNode> found = new ArrayList<>();
		page(userId, reference).path("tasks").forEach(task -> {
			if (task.path("taskType").asText().equals(taskType)) {
				found.add(task);
			}
		});
		return found;
	}

	private JsonNode page(String userId, String reference) {
		Api.Response response = this.api.as(userId).get("/api/tasks?maxResults=100&caseReference=" + reference);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}
}
