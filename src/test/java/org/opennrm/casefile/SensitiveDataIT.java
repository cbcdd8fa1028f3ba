package org.opennrm.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.opennrm.test.Api.body;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Comment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.opennrm.assistance.AssistancePlanProcess;
import org.opennrm.cases.CaseVariables;
import org.opennrm.casework.NrmCaseProcess;
import org.opennrm.child.ChildProtectionProcess;
import org.opennrm.handoff.ServiceHandoffProcess;
import org.opennrm.identification.VictimIdentificationProcess;
import org.opennrm.psychosocial.PsychoSocialSupportProcess;
import org.opennrm.risk.RiskAssessmentProcess;
import org.opennrm.tasks.FormValues;
import org.opennrm.tasks.TaskForm;
import org.opennrm.test.Api;
import org.opennrm.test.CaseJourney;
import org.opennrm.test.EngineJobs;
import org.opennrm.test.IntegrationTest;
import org.opennrm.test.PlaintextScan;
import org.opennrm.test.WebappSession;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Nothing sensitive in engine tables, nothing readable at rest, nothing in the log. An adult and a child are walked
 * through the pathway over our API, as each agency's caseworker would, with a distinct sentinel in every free-text
 * field of every case file section (names in any script, document numbers, addresses, narratives, health, psycho-social
 * and legal notes, statements) and in the break-glass reason; the birth date and phone number, which must keep their
 * format, are distinctive values searched for as they are. Then the raw database is read: every {@code ACT_} table
 * (runtime, history and byte arrays, every column, text and binary) must hold none of them, and no {@code nrm_} table
 * may hold a case file sentinel in plain text. The log, at the levels a production start has, must hold none either.
 * Values the service refuses (an unknown field in the intake or a task body, text where a date or code belongs, an
 * indicator not on the checklist, a section written by the wrong role, a break-glass by a caseworker) carry sentinels
 * too: they must be kept nowhere and logged nowhere.
 * <p>
 * The task forms and the intake have no free text to plant a sentinel in: every field is a code, a flag, a user id or
 * a file reference of at most 40 letters, digits and {@code / _ . -}. For their sensitive fields (the indicators
 * observed, the risk factors), which must be codes, the check is on names: no engine variable, history entry or
 * form property ever carries one, on our API or when a screening is submitted the way Tasklist submits it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SensitiveDataIT {

	private static final String MARK = "7f3a";

	/** The engine's logger of failed commands. */
	private static final String ENGINE_FAILURES = "org.camunda.bpm.engine.context";

	static final Map<String, Object> ADULT_BY_MOBILE_TEAM = body("referringAgency", "ngo", "contactSetting", "Outreach",
			"ageGroup", "Adult", "suspectedExploitation", "LabourExploitation", "foreignNational", true,
			"interpreterNeeded", true);

	static final Map<String, Object> UNACCOMPANIED_CHILD = body("referringAgency", "police", "contactSetting",
			"BorderOrTransit", "ageGroup", "Child", "suspectedExploitation", "LabourExploitation", "foreignNational",
			true, "interpreterNeeded", true);

	static final Map<String, Object> CHILD_LABOUR_INDICATORS = body("observedIndicators",
			List.of("DeceivedAboutJob", "AbductedOrSold", "TooYoungForWork", "HazardousWork"));

	@Autowired
	Api api;

	@Autowired
	CaseJourney journey;

	@Autowired
	EngineJobs jobs;

	@Autowired
	DataSource dataSource;

	@Autowired
	TaskService taskService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	List<TaskForm<?>> taskForms;

	/** Field (case and section) to what was written into it, for everything the case file holds. */
	private final Map<String, String> caseFileSentinels = new LinkedHashMap<>();

	/** Field to sentinel, for what lives outside the case file (the break-glass reasons). */
	private final Map<String, String> otherSentinels = new LinkedHashMap<>();

	/** Field to sentinel, for what the service refused: it must be kept nowhere and logged nowhere. */
	private final Map<String, String> refusedSentinels = new LinkedHashMap<>();

	/** What the authorised readers got back from the case file API at the end, per case. */
	private final Map<String, String> readBack = new LinkedHashMap<>();

	private final ListAppender<ILoggingEvent> log = new ListAppender<>();

	private Level rootLevel;

	private Level engineFailuresLevel;

	private String adult;

	private String child;

	@BeforeAll
	void walkAnAdultAndAChildThroughThePathwayWithSentinelsEverywhere() {
		captureTheLogAtProductionLevels();
		this.adult = adultJourney();
		this.child = childJourney();
		screeningSubmittedInTasklist();
	}

	@AfterAll
	void releaseTheLog() {
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		root.detachAppender(this.log);
		root.setLevel(this.rootLevel);
		((Logger) LoggerFactory.getLogger(ENGINE_FAILURES)).setLevel(this.engineFailuresLevel);
		this.log.stop();
	}

	@Test
	@Order(1)
	void the_case_file_gives_every_sentinel_back_to_its_authorised_readers() {
		String everything = String.join("\n", this.readBack.values());

		assertThat(this.caseFileSentinels).as("sentinels planted").hasSizeGreaterThan(60);
		assertThat(this.caseFileSentinels.entrySet()).allSatisfy(
				sentinel -> assertThat(everything).as("%s read back", sentinel.getKey()).contains(sentinel.getValue()));
		assertThat(everything).as("a name in another script survives").contains("Ђорђе");
	}

	@Test
	@Order(2)
	void no_engine_table_runtime_or_history_holds_any_sentinel() {
		PlaintextScan.Result engine = PlaintextScan.of(this.dataSource).scan("ACT_", allSentinels());

		assertThat(engine.tableNames()).as("the scan reads the engine's tables")
			.contains("act_ge_bytearray", "act_ru_variable", "act_ru_job", "act_ru_incident", "act_hi_varinst",
					"act_hi_detail", "act_hi_op_log", "act_hi_comment", "act_hi_procinst", "act_hi_taskinst");
		assertThat(engine.rows()).isGreaterThan(1000);
		assertThat(engine.matches()).as("sentinels in engine tables").isEmpty();
	}

	@Test
	@Order(3)
	void no_engine_variable_history_entry_or_form_property_is_named_after_a_sensitive_field() {
		Set<String> sensitive = sensitiveFieldNames();
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		Set<String> used = new TreeSet<>();
		used.addAll(jdbc.queryForList("select distinct name_ from act_ru_variable", String.class));
		used.addAll(jdbc.queryForList("select distinct name_ from act_hi_varinst", String.class));
		used.addAll(jdbc.queryForList("select distinct name_ from act_hi_detail where name_ is not null", String.class));

		assertThat(sensitive).as("sensitive task fields found by reflection")
			.contains("observedIndicators", "riskFactors");
		assertThat(used).as("variables the pathway set").contains("caseReference", "riskRating");
		Set<String> leaked = new TreeSet<>(used);
		leaked.retainAll(sensitive);
		assertThat(leaked).as("engine variables named after a sensitive field").isEmpty();
	}

	@Test
	@Order(8)
	void the_case_reference_each_task_carries_is_kept_in_history_once_per_process_not_once_per_task() {
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		String labels = "select count(*) from %s where name_ = '" + CaseVariables.CASE_REFERENCE
				+ "' and task_id_ is not null";

		assertThat(jdbc.queryForObject("select count(*) from act_hi_taskinst where end_time_ is not null",
				Integer.class)).as("tasks the pathway completed").isGreaterThan(10);
		assertThat(jdbc.queryForObject(labels.formatted("act_ru_variable"), Integer.class))
			.as("open tasks labelled with their case").isPositive();
		assertThat(jdbc.queryForObject(labels.formatted("act_hi_varinst"), Integer.class)).isZero();
		assertThat(jdbc.queryForObject(labels.formatted("act_hi_detail"), Integer.class)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from act_hi_varinst where name_ = ? and task_id_ is null",
				Integer.class, CaseVariables.CASE_REFERENCE))
			.as("the processes' own case reference").isPositive();
	}

	@Test
	@Order(4)
	void no_table_of_ours_holds_a_case_file_sentinel_or_a_refused_value_in_plain_text() {
		List<String> sentinels = Stream.of(this.caseFileSentinels, this.refusedSentinels)
			.flatMap(found -> found.values().stream())
			.toList();
		PlaintextScan.Result ours = PlaintextScan.of(this.dataSource).scan("nrm_", sentinels);

		assertThat(ours.tableNames()).contains("nrm_case_file_section", "nrm_case", "nrm_screening", "nrm_handoff",
				"nrm_notification", "nrm_break_glass");
		assertThat(ours.matches()).as("case file sentinels readable at rest").isEmpty();
	}

	@Test
	@Order(5)
	void the_break_glass_reason_is_kept_only_in_the_break_glass_ledger_and_the_audit_trail() {
		PlaintextScan.Result ours = PlaintextScan.of(this.dataSource).scan("nrm_", this.otherSentinels.values());

		// The break-glass reason is free text in plain text: an accountability record auditors must read, though a
		// supervisor may write about the person in it. This pins where it is, so it spreads nowhere else.
		assertThat(ours.matches()).extracting(match -> match.table().toLowerCase() + "." + match.column().toLowerCase())
			.containsOnly("nrm_break_glass.reason", "nrm_audit_content.purpose")
			.hasSize(2 * this.otherSentinels.size());
	}

	@Test
	@Order(6)
	void the_scan_finds_a_sentinel_planted_in_an_engine_comment_as_text_and_as_bytes() {
		String planted = "SENTINEL-planted-comment-" + MARK;
		String process = this.runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(this.adult)
			.processDefinitionKey(NrmCaseProcess.KEY)
			.singleResult()
			.getId();
		Comment comment = this.taskService.createComment(null, process, "before " + planted + " after");
		List<PlaintextScan.Match> found;
		try {
			found = PlaintextScan.of(this.dataSource).scan("act_hi_", List.of(planted)).matches();
		}
		finally {
			this.taskService.deleteProcessInstanceComment(process, comment.getId());
		}

		assertThat(found).extracting(match -> match.table().toLowerCase() + "." + match.column().toLowerCase(),
				PlaintextScan.Match::rowId)
			.containsExactlyInAnyOrder(tuple("act_hi_comment.message_", comment.getId()),
					tuple("act_hi_comment.full_msg_", comment.getId()));
		assertThat(PlaintextScan.of(this.dataSource).scan("act_hi_", List.of(planted)).matches()).isEmpty();
	}

	@Test
	@Order(7)
	void no_log_line_holds_any_sentinel() {
		List<String> lines = this.log.list.stream().map(SensitiveDataIT::rendered).toList();
		List<String> leaks = new ArrayList<>();
		for (String line : lines) {
			allSentinels().stream()
				.filter(sentinel -> line.toLowerCase().contains(sentinel.toLowerCase()))
				.forEach(sentinel -> leaks.add(sentinel + " in: " + line));
		}

		assertThat(lines).as("the log was captured, refused forms' stack traces included")
			.anyMatch(line -> line.contains("InvalidFields"));
		assertThat(leaks).as("sentinels in the log").isEmpty();
	}

	private String adultJourney() {
		Map<String, Object> intakeWithAName = new LinkedHashMap<>(ADULT_BY_MOBILE_TEAM);
		intakeWithAName.put("personName", refused("intake.personName"));
		assertThat(this.api.as("demo-ngo").post("/api/cases", intakeWithAName).status()).isEqualTo(400);
		String reference = this.journey.open("demo-ngo", ADULT_BY_MOBILE_TEAM);
		refusedTask("demo-ngo", reference, VictimIdentificationProcess.TASK_SCREEN_INDICATORS,
				body("observedIndicators", List.of("DeceivedAboutJob", refused("screening.unknownIndicator"))));
		this.journey.complete("demo-ngo", reference, VictimIdentificationProcess.TASK_SCREEN_INDICATORS,
				CaseJourney.ADULT_LABOUR_INDICATORS);
		refusedTask("demo-ngo", reference, VictimIdentificationProcess.TASK_CONFIRM_SCREENING_OUTCOME,
				body("presumedVictim", true, "notes", refused("confirmScreening.notes")));
		this.journey.complete("demo-ngo", reference, VictimIdentificationProcess.TASK_CONFIRM_SCREENING_OUTCOME,
				body("presumedVictim", true));
		this.journey.complete("demo-authority", reference, VictimIdentificationProcess.TASK_DECIDE_REASONABLE_GROUNDS,
				body("reasonableGrounds", "Positive"));
		this.journey.complete("demo-ngo", reference, NrmCaseProcess.TASK_RECORD_CONSENT,
				body("consentToReferral", true, "consentToServices", true, "consentToShareWith",
						List.of("social", "ngo", "health", "police"), "consentToPoliceCooperation", true));
		this.journey.complete("demo-police", reference, NrmCaseProcess.TASK_TAKE_STATEMENT,
				body("statementTaken", true, "statementReference", "ST/2026/0042"));
		this.journey.complete("demo-police", reference, NrmCaseProcess.TASK_ASSESS_WITNESS_PROTECTION,
				body("witnessProtectionNeeded", true));
		assessRisk(reference);
		this.journey.complete("demo-social", reference, AssistancePlanProcess.TASK_DRAFT_ASSISTANCE_PLAN,
				body("plannedServices", List.of("Shelter", "MedicalCare", "PsychoSocialSupport", "LegalAid"),
						"writtenWith", "Person", "planReference", "PLAN/2026/0042"));
		this.journey.complete("demo-supervisor", reference, AssistancePlanProcess.TASK_APPROVE_ASSISTANCE_PLAN,
				body("planApproved", true));
		acceptEveryReferral("demo-ngo", reference);
		acceptEveryReferral("demo-health", reference);

		refusedSection("demo-social", reference, "identity",
				body("firstName", "Ana", "birthdate", refused("identity.birthdateAsText")));
		refusedSection("demo-social", reference, "identity",
				body("firstName", "Ana", "nationality", refused("identity.nationalityAsText")));
		refusedSection("demo-social", reference, "health", body("notes", refused("health.notesByTheWrongRole")));
		refusedSection("demo-social", reference, "identity", body("narrative", refused("identity.unknownField")));
		writeSection("demo-social", reference, "identity", identity("adult", "1987-03-19", "+38970777315"));
		writeSection("demo-social", reference, "identification", identification("adult"));
		writeSection("demo-social", reference, "risk", risk("adult"));
		writeSection("demo-social", reference, "legal", legal("adult"));
		writeSection("demo-social", reference, "services", services("adult"));
		writeSection("demo-health", reference, "health", health("adult"));
		writeSection("demo-ngo", reference, "psycho-social", psychoSocial("adult"));
		writeSection("demo-police", reference, "law-enforcement", lawEnforcement("adult"));

		this.journey.complete("demo-ngo", reference, PsychoSocialSupportProcess.TASK_ASSESS_PSYCHO_SOCIAL_NEEDS,
				body("assessmentReference", "PSS/2026/0042/A"));
		this.journey.complete("demo-ngo", reference, PsychoSocialSupportProcess.TASK_AGREE_SUPPORT_PLAN,
				body("plannedSessions", 1, "planReference", "PSS/2026/0042/P"));
		this.journey.complete("demo-ngo", reference, PsychoSocialSupportProcess.TASK_RECORD_SUPPORT_SESSION,
				body("sessionHeld", true, "nextStep", "PlannedEnding", "sessionReference", "PSS/2026/0042/S1"));

		Api.Response notASupervisor = this.api.as("demo-social")
			.post("/api/cases/" + reference + "/break-glass", body("reason", refused("breakGlass.reasonOfASocialWorker")));
		assertThat(notASupervisor.status()).as(notASupervisor.toString()).isEqualTo(403);
		breakGlass(reference, "adult");
		this.readBack.put("adult as supervisor", fileAs("demo-supervisor", reference));
		this.readBack.put("adult as police", fileAs("demo-police", reference));
		return reference;
	}

	private String childJourney() {
		String reference = this.journey.open("demo-police", UNACCOMPANIED_CHILD);
		this.journey.complete("demo-police", reference, VictimIdentificationProcess.TASK_SCREEN_INDICATORS,
				CHILD_LABOUR_INDICATORS);
		this.journey.complete("demo-police", reference, VictimIdentificationProcess.TASK_CONFIRM_SCREENING_OUTCOME,
				body("presumedVictim", true));
		this.journey.complete("demo-authority", reference, VictimIdentificationProcess.TASK_DECIDE_REASONABLE_GROUNDS,
				body("reasonableGrounds", "Positive"));
		this.journey.complete("demo-social", reference, ChildProtectionProcess.TASK_APPOINT_GUARDIAN,
				body("guardianUserId", "demo-guardian"));
		this.journey.complete("demo-guardian", reference, ChildProtectionProcess.TASK_RECORD_GUARDIAN_CONSENT,
				body("consentToServices", true, "consentToShareWithAgencies", List.of("ngo", "health"),
						"childViewsHeard", true));
		assessRisk(reference);
		this.journey.complete("demo-social", reference, AssistancePlanProcess.TASK_DRAFT_ASSISTANCE_PLAN,
				body("plannedServices", List.of("Shelter", "MedicalCare", "PsychoSocialSupport"), "writtenWith",
						"Guardian", "planReference", "PLAN/CHILD/0042"));
		this.journey.complete("demo-supervisor", reference, AssistancePlanProcess.TASK_APPROVE_ASSISTANCE_PLAN,
				body("planApproved", true));
		this.journey.complete("demo-social", reference, ChildProtectionProcess.TASK_DETERMINE_BEST_INTERESTS,
				body("placementInBestInterests", true, "familyContactInBestInterests", false,
						"returnInBestInterests", false));
		acceptEveryReferral("demo-ngo", reference);
		acceptEveryReferral("demo-health", reference);

		writeSection("demo-social", reference, "identity", identity("child", "2011-08-23", "+38970777316"));
		writeSection("demo-social", reference, "identification", identification("child"));
		writeSection("demo-social", reference, "risk", risk("child"));
		writeSection("demo-social", reference, "legal", legal("child"));
		writeSection("demo-social", reference, "services", services("child"));
		writeSection("demo-health", reference, "health", health("child"));
		writeSection("demo-ngo", reference, "psycho-social", psychoSocial("child"));

		this.journey.complete("demo-ngo", reference, PsychoSocialSupportProcess.TASK_ASSESS_PSYCHO_SOCIAL_NEEDS,
				body("assessmentReference", "PSS/2026/0043/A"));

		breakGlass(reference, "child");
		this.readBack.put("child as supervisor", fileAs("demo-supervisor", reference));
		this.readBack.put("child as guardian", fileAs("demo-guardian", reference));
		this.readBack.put("child as social", fileAs("demo-social", reference));
		return reference;
	}

	/**
	 * A screening submitted the way Tasklist submits a Camunda Form: the checklist as a JSON variable, set on the task
	 * before the engine completes it. Indicators are codes, so this path is checked by name.
	 */
	private void screeningSubmittedInTasklist() {
		String reference = this.journey.open("demo-police", CaseJourney.ADULT_BY_POLICE);
		String taskId = this.journey.task("demo-police", reference, VictimIdentificationProcess.TASK_SCREEN_INDICATORS)
			.path("id")
			.asText();
		assertThat(this.api.as("demo-police").post("/api/tasks/" + taskId + "/claim").status()).isEqualTo(204);
		WebappSession tasklist = WebappSession.signIn(this.api, "tasklist", "demo-police", Api.DEMO_PASSWORD);
		Api.Response submitted = tasklist.post("/camunda/api/engine/engine/default/task/" + taskId + "/submit-form",
				"{\"variables\":{\"observedIndicators\":{\"type\":\"Json\",\"value\":"
						+ "\"[\\\"DeceivedAboutJob\\\",\\\"ExcessiveHours\\\",\\\"PapersKept\\\"]\"}}}");
		assertThat(submitted.status()).as("submitted in Tasklist: %s", submitted).isIn(200, 204);
		this.jobs.runAll();
		assertThat(this.journey.taskTypes("demo-police", reference))
			.contains(VictimIdentificationProcess.TASK_CONFIRM_SCREENING_OUTCOME);
	}

	private Map<String, Object> identity(String person, String birthdate, String mobilePhone) {
		return body("firstName", sentinel(person, "identity.firstName"), "middleName",
				"Ђорђе " + sentinel(person, "identity.middleName"), "secondName", sentinel(person, "identity.secondName"),
				"aliases", List.of(sentinel(person, "identity.aliases[0]"), sentinel(person, "identity.aliases[1]")),
				"birthdate", distinctive(person, "identity.birthdate", birthdate), "birthdateEstimated", true, "gender",
				"Female", "nationality", "MD", "languages", List.of("ro", "ru"), "mobilePhone",
				"+" + distinctive(person, "identity.mobilePhone", mobilePhone.substring(1)), "identityDocument",
				sentinel(person, "identity.identityDocument"));
	}

	private Map<String, Object> identification(String person) {
		return body("methodOfRecruitment", List.of("JobOffer"), "methodsOfControl",
				List.of("DebtBondage", "WithholdsDocuments"), "typeOfLabourExploitation", List.of("Agriculture"),
				"typeOfSexExploitation", List.of(), "vulnerabilities", List.of("Poverty", "Migration"),
				"detailsOfVulnerabilities", sentinel(person, "identification.detailsOfVulnerabilities"),
				"traffickingEvents",
				List.of(body("type", "Recruitment", "date", "2024-02-11", "city",
						sentinel(person, "identification.traffickingEvents[0].city"), "country", "MD", "description",
						sentinel(person, "identification.traffickingEvents[0].description")),
						body("type", "Exploitation", "date", "2024-05-02", "city",
								sentinel(person, "identification.traffickingEvents[1].city"), "country", "MK",
								"description", sentinel(person, "identification.traffickingEvents[1].description"))));
	}

	private Map<String, Object> risk(String person) {
		return body("safetyPlan", sentinel(person, "risk.safetyPlan"), "notes", sentinel(person, "risk.notes"));
	}

	private Map<String, Object> health(String person) {
		return body("conditions", sentinel(person, "health.conditions"), "medicalNeeds",
				sentinel(person, "health.medicalNeeds"), "medications", sentinel(person, "health.medications"), "notes",
				sentinel(person, "health.notes"));
	}

	private Map<String, Object> psychoSocial(String person) {
		return body("assessment", sentinel(person, "psycho-social.assessment"), "supportPlan",
				sentinel(person, "psycho-social.supportPlan"), "sessions",
				List.of(body("date", "2025-01-14", "notes", sentinel(person, "psycho-social.sessions[0].notes")),
						body("date", "2025-01-21", "notes", sentinel(person, "psycho-social.sessions[1].notes"))));
	}

	private Map<String, Object> legal(String person) {
		return body("residenceStatus", sentinel(person, "legal.residenceStatus"), "legalRepresentative",
				sentinel(person, "legal.legalRepresentative"), "proceedings", sentinel(person, "legal.proceedings"),
				"compensationClaim", true, "notes", sentinel(person, "legal.notes"));
	}

	private Map<String, Object> services(String person) {
		return body("needs", sentinel(person, "services.needs"), "arrangements",
				sentinel(person, "services.arrangements"), "notes", sentinel(person, "services.notes"));
	}

	private Map<String, Object> lawEnforcement(String person) {
		return body("statements",
				List.of(body("date", "2025-01-10", "takenBy", sentinel(person, "law-enforcement.statements[0].takenBy"),
						"text", sentinel(person, "law-enforcement.statements[0].text"))),
				"investigationReference", sentinel(person, "law-enforcement.investigationReference"),
				"witnessProtection", sentinel(person, "law-enforcement.witnessProtection"), "notes",
				sentinel(person, "law-enforcement.notes"));
	}

	/** A sentinel that names its case and field, kept for the scans. */
	private String sentinel(String person, String field) {
		return distinctive(person, field, "SENTINEL-" + person + "-" + field + "-" + MARK);
	}

	/** A value that must keep its format (a date, a phone number), searched for as it is. */
	private String distinctive(String person, String field, String value) {
		String previous = this.caseFileSentinels.put(person + " " + field, value);
		assertThat(previous).as("one sentinel per field").isNull();
		return value;
	}

	/** A sentinel in a value the service must refuse. */
	private String refused(String field) {
		String value = "SENTINEL-refused-" + field + "-" + MARK;
		this.refusedSentinels.put(field, value);
		return value;
	}

	private List<String> allSentinels() {
		return Stream.of(this.caseFileSentinels, this.otherSentinels, this.refusedSentinels)
			.flatMap(sentinels -> sentinels.values().stream())
			.toList();
	}

	private void refusedSection(String userId, String reference, String section, Map<String, Object> content) {
		Api.Response refused = this.api.as(userId).put("/api/cases/" + reference + "/file/" + section, content);
		assertThat(refused.status()).as("%s writes %s: %s", userId, section, refused).isIn(400, 403);
	}

	/** Claims the task and submits a body the service must refuse; the task stays claimed. */
	private void refusedTask(String userId, String reference, String taskType, Map<String, Object> body) {
		String taskId = this.journey.task(userId, reference, taskType).path("id").asText();
		assertThat(this.api.as(userId).post("/api/tasks/" + taskId + "/claim").status()).isEqualTo(204);
		Api.Response refused = this.api.as(userId).post("/api/tasks/" + taskId + "/complete", body);
		assertThat(refused.status()).as("complete %s with %s: %s", taskType, body, refused).isEqualTo(400);
	}

	private void writeSection(String userId, String reference, String section, Map<String, Object> content) {
		Api.Response written = this.api.as(userId).put("/api/cases/" + reference + "/file/" + section, content);
		assertThat(written.status()).as("%s writes %s: %s", userId, section, written).isEqualTo(200);
	}

	private void breakGlass(String reference, String person) {
		String reason = "SENTINEL-" + person + "-breakGlass.reason-" + MARK;
		this.otherSentinels.put(person + " breakGlass.reason", reason);
		Api.Response opened = this.api.as("demo-supervisor")
			.post("/api/cases/" + reference + "/break-glass", body("reason", reason));
		assertThat(opened.status()).as("break the glass: %s", opened).isEqualTo(201);
	}

	private String fileAs(String userId, String reference) {
		Api.Response file = this.api.as(userId).get("/api/cases/" + reference + "/file");
		assertThat(file.status()).as("%s reads the file: %s", userId, file).isEqualTo(200);
		return file.body();
	}

	private void assessRisk(String reference) {
		this.journey.complete("demo-police", reference, RiskAssessmentProcess.TASK_ASSESS_RISK_AS_POLICE,
				body("riskRating", "High", "riskFactors", List.of("TraffickersAtLarge", "ThreatsReceived")));
		this.journey.complete("demo-social", reference, RiskAssessmentProcess.TASK_ASSESS_RISK_AS_CASE_MANAGER,
				body("riskRating", "Medium", "riskFactors", List.of("DebtOutstanding", "HealthAtRisk")));
	}

	/** Every referral of the case the agency is offered is taken on. */
	private void acceptEveryReferral(String userId, String reference) {
		List<String> taskIds = new ArrayList<>();
		this.api.as(userId)
			.get("/api/tasks?maxResults=100&caseReference=" + reference)
			.json()
			.path("tasks")
			.forEach(task -> {
				if (task.path("taskType").asText().equals(ServiceHandoffProcess.TASK_RESPOND_TO_REFERRAL)) {
					taskIds.add(task.path("id").asText());
				}
			});
		assertThat(taskIds).as("referrals offered to %s", userId).isNotEmpty();
		for (String taskId : taskIds) {
			assertThat(this.api.as(userId).post("/api/tasks/" + taskId + "/claim").status()).isEqualTo(204);
			Api.Response completed = this.api.as(userId)
				.post("/api/tasks/" + taskId + "/complete", body("referralAccepted", true));
			assertThat(completed.status()).as("accept: %s", completed).isEqualTo(204);
			this.jobs.runAll();
		}
	}

	/**
	 * The fields no engine table may be named after: every {@link org.opennrm.tasks.Sensitive} field of every task
	 * form, and every field of every case file section.
	 */
	private Set<String> sensitiveFieldNames() {
		Set<String> names = new TreeSet<>();
		this.taskForms.forEach(form -> names.addAll(FormValues.sensitiveFields(form.type())));
		Arrays.stream(Section.values())
			.flatMap(section -> Arrays.stream(section.type().getRecordComponents()))
			.forEach(component -> names.add(component.getName()));
		return names;
	}

	private void captureTheLogAtProductionLevels() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		this.rootLevel = root.getLevel();
		// A production start logs at INFO (no level is configured): the tests' WARN would hide what it writes.
		root.setLevel(Level.INFO);
		// The engine's failed commands with their stack traces, refused forms among them: DEBUG since refusals are
		// the caller's (CallerMistakesLoggedQuietly), and an operator may switch them on.
		Logger engineFailures = context.getLogger(ENGINE_FAILURES);
		this.engineFailuresLevel = engineFailures.getLevel();
		engineFailures.setLevel(Level.DEBUG);
		this.log.setContext(context);
		this.log.start();
		root.addAppender(this.log);
	}

	/** A log event as an appender could write it: message, arguments, MDC and stack trace. */
	private static String rendered(ILoggingEvent event) {
		String arguments = event.getArgumentArray() == null ? ""
				: Arrays.stream(event.getArgumentArray()).map(String::valueOf).collect(Collectors.joining(" "));
		String throwable = event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy());
		return event.getLoggerName() + " " + event.getFormattedMessage() + " " + arguments + " "
				+ event.getMDCPropertyMap() + " " + throwable;
	}
}
