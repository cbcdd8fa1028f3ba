package org.opennrm.retention;

import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opennrm.cases.Case;
import org.opennrm.cases.CaseVariables;
import org.opennrm.cases.Cases;
import org.opennrm.consent.ConsentDecision;
import org.opennrm.consent.ConsentLedger;
import org.opennrm.consent.ConsentPurpose;
import org.opennrm.deadlines.DeadlineEscalationProcess;
import org.opennrm.i18n.Text;
import org.opennrm.identification.VictimIdentificationProcess;
import org.opennrm.notifications.Notification;
import org.opennrm.notifications.Notifications;
import org.opennrm.test.Api;
import org.opennrm.test.CaseJourney;
import org.opennrm.test.IntegrationTest;
import org.opennrm.test.PublishedEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennrm.test.Api.body;

/**
 * Retention end to end: a case closed longer ago than its retention period is erased from every table of ours and of
 * the engine, leaving only its statistics stub and the erasure record; a case still within its period is untouched.
 */
@IntegrationTest
class RetentionIT {

	/** Our tables with rows about one case; the erasure test fills each of them. */
	static final Set<String> PER_CASE_TABLES = Set.of("nrm_case", "nrm_case_file_section", "nrm_referral_share",
			"nrm_break_glass", "nrm_consent", "nrm_handoff", "nrm_handoff_step", "nrm_screening", "nrm_notification",
			"nrm_audit_case", "nrm_statistics_link", "nrm_transnational_referral", "nrm_transnational_incoming",
			"nrm_field_screening");

	/** Tables that keep an erased case's random engine ids as part of a non-identifying stub: the audit trail. */
	static final Set<String> STUB_TABLES = Set.of("nrm_audit_entry");

	/** Columns that tie a row to one case. */
	static final Set<String> CASE_COLUMNS = Set.of("case_id", "case_reference", "reference", "handoff_id",
			"process_instance_id");

	/** The configured retention after closure (application.yml). */
	static final Period RETENTION = Period.ofYears(5);

	@Autowired
	Api api;

	@Autowired
	CaseJourney journey;

	@Autowired
	Cases cases;

	@Autowired
	HistoryService historyService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ConsentLedger consents;

	@Autowired
	Notifications notifications;

	@Autowired
	PublishedEvents events;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void realTime() {
		ClockUtil.reset();
	}

	@Test
	void a_case_past_its_retention_is_gone_from_every_table_except_its_statistics_stub_and_erasure_record() {
		// Given a case closed a year ago with a full case file, and one closed today
		Instant now = Instant.now();
		ClockUtil.setCurrentTime(Date.from(now.atOffset(ZoneOffset.UTC).minusYears(1).toInstant()));
		ClosedCase old = closedCaseWithFile();
		ClockUtil.reset();
		ClosedCase recent = closedCaseWithFile();
		// and an escalation of the old case still running, waiting at its first step
		String running = this.runtimeService.startProcessInstanceByKey(DeadlineEscalationProcess.KEY, old.reference(),
				Map.of(CaseVariables.CASE_ID, old.caseId(), CaseVariables.CASE_REFERENCE, old.reference(),
						DeadlineEscalationProcess.Variables.OVERDUE_TASK_NAME, old.sentinel()))
			.getId();
		Set<String> oldTraces = new LinkedHashSet<>(old.traces());
		oldTraces.add(running);
		assertThat(scan(oldTraces).keySet()).as("where the old case is before erasure")
			.containsAll(PER_CASE_TABLES)
			.contains("act_ru_execution", "act_ru_job", "act_ru_variable", "act_hi_procinst", "act_hi_actinst", "act_hi_taskinst", "act_hi_varinst", "act_hi_identitylink",
					"act_hi_op_log", "act_hi_decinst");
		int stubsBefore = count("nrm_case_stub");
		String statisticsId = this.jdbc.sql("select stat_id from nrm_statistics_link where case_id = :caseId")
			.param("caseId", old.caseId())
			.query(String.class)
			.single();
		int personsCounted = count("nrm_statistics_person");

		// When its retention has ended (but not the recent case's) and an administrator runs erasure
		ClockUtil.setCurrentTime(Date.from(now.atOffset(ZoneOffset.UTC).plus(RETENTION).minusMonths(6).toInstant()));
		Api.Response run = this.api.as("demo-admin").post("/api/retention/erasures/run");

		// Then only the stub and the erasure record remain of it, and neither names the case nor the person
		assertThat(run.status()).as(run.toString()).isEqualTo(200);
		JsonNode erased = run.json().path("erased");
		assertThat(erased).hasSize(1);
		String stubId = erased.get(0).path("stubId").asText();
		assertThat(erased.get(0).path("erasedBy").asText()).isEqualTo("demo-admin");
		assertThat(erased.get(0).path("removed").path("casefile.sections").asInt()).isEqualTo(2);
		assertThat(erased.get(0).path("removed").path("engine.processInstances").asInt())
			.isEqualTo(old.processInstances().size() + 1);
		assertThat(erased.get(0).path("removed").path("engine.runningProcessInstances").asInt()).isEqualTo(1);

		assertThat(scan(Set.of(old.caseId(), old.reference(), old.sentinel(), old.handoffId())))
			.as("what names the case or the person, anywhere").isEmpty();
		Map<String, Set<String>> left = scan(oldTraces);
		assertThat(left.keySet()).as("the engine's random ids of the erased processes, only in the audit stub")
			.isSubsetOf(Set.of("nrm_audit_entry"));
		assertThat(left.getOrDefault("nrm_audit_entry", Set.of())).isSubsetOf(Set.of("process_instance_id", "subject"));
		assertThat(this.api.as("demo-auditor").get("/api/audit/verification").json().path("intact").asBoolean())
			.as("the audit trail still verifies after erasure").isTrue();
		assertThat(this.jdbc.sql("select count(*) from nrm_audit_entry where type = 'Erasure'").query(Long.class)
			.single()).as("erasure is audited").isPositive();
		assertThat(this.cases.findById(old.caseId())).isEmpty();
		assertThat(this.jdbc.sql("select * from nrm_case_stub where stub_id = :id").param("id", stubId).query().singleRow())
			.containsEntry(column("jurisdiction"), "coe")
			.containsEntry(column("status"), "Closed")
			.containsEntry(column("age_group"), "Adult")
			.containsEntry(column("lead_agency"), "police");
		assertThat(count("nrm_case_stub")).isEqualTo(stubsBefore + 1);
		assertThat(count("nrm_statistics_person")).as("statistics count the person as before").isEqualTo(personsCounted);
		assertThat(this.jdbc.sql("select registered_year, sex from nrm_statistics_person where stat_id = :id")
			.param("id", statisticsId).query().listOfRows()).as("the person's statistics row, no longer linked").hasSize(1);
		assertThat(this.jdbc.sql("select erased_by from nrm_erasure where stub_id = :id").param("id", stubId)
			.query(String.class).single()).isEqualTo("demo-admin");
		List<CaseErased> published = this.events.of(CaseErased.class)
			.stream()
			.filter(event -> event.stubId().equals(stubId))
			.toList();
		assertThat(published).hasSize(1);
		assertThat(oldTraces).noneMatch(trace -> published.get(0).toString().contains(trace));

		// And the case still within its retention period is untouched
		assertThat(scan(Set.of(recent.caseId())).keySet()).contains("nrm_case", "nrm_case_file_section", "nrm_consent",
				"nrm_handoff", "nrm_screening", "nrm_break_glass", "act_hi_varinst");
		assertThat(this.cases.findById(recent.caseId())).isPresent();
		assertThat(this.historyService.createHistoricProcessInstanceQuery()
			.processInstanceIds(Set.copyOf(recent.processInstances()))
			.count()).isEqualTo(recent.processInstances().size());
		assertThat(this.journey.section("demo-police", recent.reference(), "identity").path("content")
			.path("firstName").asText()).isEqualTo(recent.sentinel());

		// And erasure is idempotent
		Api.Response again = this.api.as("demo-admin").post("/api/retention/erasures/run");
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().path("erased")).isEmpty();
		assertThat(count("nrm_case_stub")).isEqualTo(stubsBefore + 1);
		assertThat(count("nrm_statistics_person")).as("statistics count the person as before").isEqualTo(personsCounted);
		assertThat(this.jdbc.sql("select registered_year, sex from nrm_statistics_person where stat_id = :id")
			.param("id", statisticsId).query().listOfRows()).as("the person's statistics row, no longer linked").hasSize(1);
	}

	@Test
	void every_table_of_ours_that_names_a_case_is_one_erasure_covers() throws SQLException {
		Set<String> naming = new TreeSet<>();
		try (Connection connection = this.dataSource.getConnection()) {
			for (String table : tables(connection)) {
				String lower = table.toLowerCase(Locale.ROOT);
				if (!lower.startsWith("nrm_")) {
					continue;
				}
				try (ResultSet columns = connection.getMetaData()
					.getColumns(connection.getCatalog(), connection.getSchema(), table, "%")) {
					while (columns.next()) {
						if (CASE_COLUMNS.contains(columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT))) {
							naming.add(lower);
						}
					}
				}
			}
		}
		assertThat(naming).as("tables naming a case, a hand-off or a process instance: a new one needs a "
				+ "PersonalCaseData in its module and a row in this test's case").containsExactlyInAnyOrderElementsOf(
						Stream.concat(PER_CASE_TABLES.stream(), STUB_TABLES.stream()).toList());
	}

	@Test
	void only_administrators_run_erasure() {
		assertThat(this.api.anonymous().post("/api/retention/erasures/run").status()).isEqualTo(401);
		for (String user : List.of("demo-police", "demo-supervisor", "demo-coordinator", "demo-auditor")) {
			assertThat(this.api.as(user).post("/api/retention/erasures/run").status()).as(user).isEqualTo(403);
		}
		assertThat(this.api.as("demo-admin").post("/api/retention/erasures/run").status()).isEqualTo(200);
	}

	/** Opens a case, fills its file and the other modules' tables, then closes it: screened, not presumed. */
	private ClosedCase closedCaseWithFile() {
		String sentinel = "Sentinel" + UUID.randomUUID().toString().replace("-", "");
		String reference = this.journey.open("demo-police", CaseJourney.ADULT_BY_POLICE);
		String caseId = this.journey.caseId(reference);
		assertThat(this.api.as("demo-police")
			.put("/api/cases/" + reference + "/file/identity",
					body("firstName", sentinel, "secondName", sentinel + "Second", "nationality", "MD"))
			.status()).isEqualTo(200);
		assertThat(this.api.as("demo-supervisor")
			.post("/api/cases/" + reference + "/break-glass", body("reason", sentinel + " reason for breaking"))
			.status()).isEqualTo(201);
		this.consents.record(caseId, ConsentPurpose.Referral, null, true, ConsentDecision.GivenBy.Person,
				"demo-police");
		this.notifications.notifyUser("demo-police", reference, Notification.Kind.DeadlineReminder, Text.said("About " + reference));
		String handoffId = UUID.randomUUID().toString();
		this.jdbc.sql("""
				insert into nrm_handoff (id, case_id, process_instance_id, service, referring_agency, receiving_agency,
				                         status, attempts, updated_at)
				values (:id, :caseId, :pi, 'Shelter', 'police', 'ngo', 'Offered', 1, :at)""")
			.param("id", handoffId).param("caseId", caseId).param("pi", "pi-" + sentinel)
			.param("at", Instant.now().atOffset(ZoneOffset.UTC)).update();
		this.jdbc.sql("insert into nrm_handoff_step (handoff_id, step, agency, at) values (:id, 'Offered', 'ngo', :at)")
			.param("id", handoffId).param("at", Instant.now().atOffset(ZoneOffset.UTC)).update();
		this.jdbc.sql("""
				insert into nrm_referral_share (handoff_id, receiving_agency, sections, set_by, set_at)
				values (:id, 'ngo', 'identity', 'demo-police', :at)""")
			.param("id", handoffId).param("at", Instant.now().atOffset(ZoneOffset.UTC)).update();

		// A referral of the case to another country (its id is the hand-off's, so the scan for it covers its steps and
		// messages too), and the referral from another country the case was opened for.
		this.jdbc.sql("""
				insert into nrm_transnational_referral (id, case_id, process_instance_id, peer_country, referral_kind,
				    services_continue, suspected_exploitation, interpreter_needed, status, proposed_by, proposing_agency,
				    shared_fields, sharing_stopped, proposed_at, updated_at)
				values (:id, :caseId, :pi, 'XK', 'Return', false, 'LabourExploitation', false, 'Declined', 'demo-police',
				    'police', 'identity:firstName', false, :at, :at)""")
			.param("id", handoffId).param("caseId", caseId).param("pi", "pi-referral-" + sentinel)
			.param("at", Instant.now().atOffset(ZoneOffset.UTC)).update();
		this.jdbc.sql("""
				insert into nrm_transnational_step (referral_id, direction, step, actor, at)
				values (:id, 'Outgoing', 'Proposed', 'demo-police', :at)""")
			.param("id", handoffId).param("at", Instant.now().atOffset(ZoneOffset.UTC)).update();
		this.jdbc.sql("""
				insert into nrm_transnational_outbox (id, peer_country, message_type, referral_id, body, created_at,
				    attempts, next_attempt_at)
				values (:outbox, 'XK', 'referral', :id, :body, :at, 0, :at)""")
			.param("outbox", UUID.randomUUID().toString()).param("id", handoffId)
			.param("body", ("{\"ref\":\"" + handoffId + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.param("at", Instant.now().atOffset(ZoneOffset.UTC)).update();
		this.jdbc.sql("""
				insert into nrm_transnational_incoming (id, peer_country, referral_id, referral_kind, status, shared_fields,
				    package_hash, received_at, case_id, sharing_stopped, updated_at)
				values (:id, 'XK', :referralId, 'Return', 'Accepted', 'identity:firstName', :hash, :at, :caseId, false, :at)""")
			.param("id", UUID.randomUUID().toString()).param("referralId", UUID.randomUUID().toString())
			.param("hash", "0".repeat(64)).param("caseId", caseId)
			.param("at", Instant.now().atOffset(ZoneOffset.UTC)).update();
		// A mobile team's screening of the case, opened on the field page.
		this.jdbc.sql("""
				insert into nrm_field_screening (screening_id, request_id, case_id, case_reference, suspected_exploitation,
				    team, opened_by, answers_saved, opened_at)
				values (:id, :request, :caseId, :reference, 'LabourExploitation', 'team-north', 'demo-field-police', 0, :at)""")
			.param("id", UUID.randomUUID().toString()).param("request", UUID.randomUUID().toString())
			.param("caseId", caseId).param("reference", reference)
			.param("at", Instant.now().atOffset(ZoneOffset.UTC)).update();

		this.journey.complete("demo-police", reference, VictimIdentificationProcess.TASK_SCREEN_INDICATORS,
				body("observedIndicators", List.of()));
		this.journey.complete("demo-police", reference, VictimIdentificationProcess.TASK_CONFIRM_SCREENING_OUTCOME,
				body("presumedVictim", false));
		Case closed = this.cases.findById(caseId).orElseThrow();
		assertThat(closed.isOpen()).as("closed: %s", closed).isFalse();
		List<String> instances = processInstances(reference);
		List<String> tasks = instances.stream()
			.flatMap(instance -> this.historyService.createHistoricTaskInstanceQuery()
				.processInstanceId(instance)
				.list()
				.stream())
			.map(HistoricTaskInstance::getId)
			.toList();
		assertThat(tasks).isNotEmpty();
		return new ClosedCase(caseId, reference, sentinel, handoffId, instances, tasks);
	}

	private List<String> processInstances(String reference) {
		Set<String> ids = new LinkedHashSet<>();
		for (HistoricProcessInstance root : this.historyService.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(reference)
			.list()) {
			ids.add(root.getId());
			this.historyService.createHistoricProcessInstanceQuery()
				.rootProcessInstanceId(root.getRootProcessInstanceId())
				.list()
				.forEach(instance -> ids.add(instance.getId()));
		}
		assertThat(ids).isNotEmpty();
		return List.copyOf(ids);
	}

	private int count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Integer.class).single();
	}

	/** H2 names columns in upper case, PostgreSQL in lower case. */
	private String column(String name) {
		return this.jdbc.sql("select * from nrm_case_stub where 1 = 0").query(rs -> {
			ResultSetMetaData meta = rs.getMetaData();
			for (int i = 1; i <= meta.getColumnCount(); i++) {
				if (meta.getColumnLabel(i).equalsIgnoreCase(name)) {
					return meta.getColumnLabel(i);
				}
			}
			return name;
		});
	}

	/**
	 * Every table of ours and of the engine, every row and column (binary and large values read as text), searched for
	 * the traces: table name to the columns where one was found.
	 */
	private Map<String, Set<String>> scan(Set<String> traces) {
		Map<String, Set<String>> found = new java.util.TreeMap<>();
		try (Connection connection = this.dataSource.getConnection()) {
			String quote = connection.getMetaData().getIdentifierQuoteString().trim();
			for (String table : tables(connection)) {
				try (Statement statement = connection.createStatement();
						ResultSet rows = statement.executeQuery("select * from " + quote + table + quote)) {
					ResultSetMetaData meta = rows.getMetaData();
					while (rows.next()) {
						for (int i = 1; i <= meta.getColumnCount(); i++) {
							String text = text(rows.getObject(i));
							if (text != null && traces.stream().anyMatch(text::contains)) {
								found.computeIfAbsent(table.toLowerCase(Locale.ROOT), key -> new TreeSet<>())
									.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
							}
						}
					}
				}
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not scan the database", ex);
		}
		return found;
	}

	private static List<String> tables(Connection connection) throws SQLException {
		List<String> tables = new ArrayList<>();
		DatabaseMetaData metadata = connection.getMetaData();
		try (ResultSet result = metadata.getTables(connection.getCatalog(), connection.getSchema(), "%",
				new String[] { "TABLE" })) {
			while (result.next()) {
				String name = result.getString("TABLE_NAME");
				String lower = name.toLowerCase(Locale.ROOT);
				if (lower.startsWith("nrm_") || lower.startsWith("act_")) {
					tables.add(name);
				}
			}
		}
		assertThat(tables).anyMatch(name -> name.equalsIgnoreCase("nrm_case"))
			.anyMatch(name -> name.equalsIgnoreCase("act_hi_procinst"));
		return tables;
	}

	private static String text(Object value) throws Exception {
		if (value == null) {
			return null;
		}
		if (value instanceof byte[] bytes) {
			return new String(bytes, StandardCharsets.UTF_8);
		}
		if (value instanceof Blob blob) {
			try (InputStream in = blob.getBinaryStream()) {
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		if (value instanceof Clob clob) {
			try (Reader in = clob.getCharacterStream()) {
				StringBuilder text = new StringBuilder();
				char[] buffer = new char[4096];
				for (int read; (read = in.read(buffer)) > 0;) {
					text.append(buffer, 0, read);
				}
				return text.toString();
			}
		}
		return value.toString();
	}

	/** A closed case and what would identify it. */
	record ClosedCase(String caseId, String reference, String sentinel, String handoffId,
			List<String> processInstances, List<String> tasks) {

		Set<String> traces() {
			Set<String> traces = new LinkedHashSet<>(List.of(this.caseId, this.reference, this.sentinel,
					this.handoffId));
			traces.addAll(this.processInstances);
			traces.addAll(this.tasks);
			return traces;
		}
	}
}
