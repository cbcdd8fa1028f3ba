package org.opennrm.bench;

import static org.opennrm.test.Api.body;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.opennrm.assistance.AssistancePlanProcess;
import org.opennrm.casework.NrmCaseProcess;
import org.opennrm.identification.VictimIdentificationProcess;
import org.opennrm.risk.RiskAssessmentProcess;
import org.opennrm.test.CaseJourney;

/**
 * Workload W4 of {@code BENCHMARKS.md}, the auditor: one case's full timeline
 * ({@code GET /api/audit/cases/{reference}/timeline}) and everything one user did in 30 days
 * ({@code GET /api/audit/users/{userId}/activity}), as {@code demo-auditor} over HTTP, with 1 million history rows in
 * PostgreSQL. Targets (issue): p95 under 100 ms and under 300 ms.
 * <p>
 * The data: a few hundred real cases driven through the API to different depths (screened only; screening confirmed;
 * on to reasonable grounds, consent, risk assessment and an approved assistance plan), with case file reads and
 * writes; then, with SQL, each synthetic case copies one real case's rows in {@code ACT_HI_PROCINST},
 * {@code ACT_HI_ACTINST}, {@code ACT_HI_TASKINST}, {@code ACT_HI_IDENTITYLINK}, {@code ACT_HI_OP_LOG},
 * {@code ACT_HI_VARINST}, {@code nrm_audit_entry} and {@code nrm_case} under new ids, a new reference, 50 users and
 * a start spread over the last year (the real case's minutes stretched a thousandfold), as many copies as the target
 * number of rows allows (arguments: real cases, cases, rows, samples); case file reads
 * ({@code generate_series}) top the trail up until those seven tables hold the target number of rows; then
 * {@code ANALYZE}. This departs from the rule that data sets are built through the engine's API: at 1M rows that
 * would take hours on this machine. The copied trail continues the chain's numbering but its hashes are dummies:
 * verification is not part of this benchmark.
 * <p>
 * Not a test: nothing here fails on a slow run. Run it with {@code src/bench/audit/measure-timeline.sh}.
 */
public final class AuditTimelineBenchmark {

	static final String AUDITOR = "demo-auditor";

	static final int USERS = 50;

	/** Calls of each view before measuring ({@code -Dbench.warm-up}). */
	static final int WARM_UP = Integer.getInteger("bench.warm-up", 30);

	/** The engine's history tables we fill, and the audit trail: together they are "the history rows". */
	static final List<String> HISTORY = List.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst",
			"act_hi_identitylink", "act_hi_op_log", "act_hi_varinst", "nrm_audit_entry");

	/** Columns holding ids of runtime objects: a copy gets its own. */
	static final Set<String> IDS = Set.of("id_", "proc_inst_id_", "root_proc_inst_id_", "execution_id_", "task_id_",
			"act_inst_id_", "parent_act_inst_id_", "super_process_instance_id_", "call_proc_inst_id_", "parent_task_id_",
			"operation_id_", "restarted_proc_inst_id_", "case_inst_id_", "case_execution_id_", "call_case_inst_id_",
			"super_case_instance_id_", "job_id_", "var_inst_id_", "external_task_id_");

	/** Columns holding users: a copy gets one of the 50. */
	static final Set<String> USER_COLUMNS = Set.of("assignee_", "owner_", "user_id_", "start_user_id_",
			"assigner_id_", "opened_by", "actor");

	private final BenchRun run;

	private final CaseJourney journey;

	private final ObjectMapper json = new ObjectMapper();

	private final Random random = new Random(42);

	private final Map<String, List<Long>> samples = new LinkedHashMap<>();

	private final Map<String, Long> items = new LinkedHashMap<>();

	private List<String> references;

	private AuditTimelineBenchmark(BenchRun run) {
		this.run = run;
		this.journey = CaseJourney.on(run.service);
	}

	public static void main(String[] args) throws Exception {
		int templates = args.length > 0 ? Integer.parseInt(args[0]) : 200;
		int cases = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
		long rows = args.length > 2 ? Long.parseLong(args[2]) : 1_000_000;
		int samples = args.length > 3 ? Integer.parseInt(args[3]) : 200;
		try (BenchRun run = BenchRun.start(true)) {
			AuditTimelineBenchmark bench = new AuditTimelineBenchmark(run);
			bench.openRealCases(templates);
			bench.copyCases(cases - templates, rows);
			bench.warmUp();
			run.resetStatements();
			bench.measure(samples);
			bench.report(samples);
			run.topStatements(10);
			run.holdIfAsked();
		}
		System.exit(0);
	}

	// ---- data

	/** Real cases through the API, to three depths, with case file reads: the shapes the copies take. */
	private void openRealCases(int count) {
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			String reference = this.journey.open("demo-ngo", body("referringAgency", "ngo", "contactSetting", "Outreach",
					"ageGroup", "Adult", "suspectedExploitation", "LabourExploitation", "foreignNational", i % 2 == 0,
					"interpreterNeeded", i % 4 == 0));
			try {
				this.journey.complete("demo-ngo", reference, VictimIdentificationProcess.TASK_SCREEN_INDICATORS,
						CaseJourney.ADULT_LABOUR_INDICATORS);
				readAndWriteFile(reference, i % 3);
				if (i % 3 >= 1) {
					this.journey.complete("demo-ngo", reference, VictimIdentificationProcess.TASK_CONFIRM_SCREENING_OUTCOME,
							body("presumedVictim", true));
				}
				if (i % 3 == 2) {
					this.journey.complete("demo-authority", reference,
							VictimIdentificationProcess.TASK_DECIDE_REASONABLE_GROUNDS, body("reasonableGrounds", "Positive"));
					this.journey.complete("demo-ngo", reference, NrmCaseProcess.TASK_RECORD_CONSENT,
							body("consentToReferral", true, "consentToServices", true, "consentToShareWith",
									List.of("social", "ngo", "health"), "consentToPoliceCooperation", false));
					Map<String, Object> lowRisk = body("riskRating", "Low", "riskFactors", List.of("None"));
					this.journey.complete("demo-police", reference, RiskAssessmentProcess.TASK_ASSESS_RISK_AS_POLICE,
							lowRisk);
					this.journey.complete("demo-social", reference,
							RiskAssessmentProcess.TASK_ASSESS_RISK_AS_CASE_MANAGER, lowRisk);
					this.journey.complete("demo-social", reference, AssistancePlanProcess.TASK_DRAFT_ASSISTANCE_PLAN,
							body("plannedServices", List.of("Shelter", "PsychoSocialSupport", "LegalAid"), "writtenWith",
									"Person", "planReference", "PLAN/" + i));
					this.journey.complete("demo-supervisor", reference,
							AssistancePlanProcess.TASK_APPROVE_ASSISTANCE_PLAN, body("planApproved", true));
					readAndWriteFile(reference, 2);
				}
			}
			catch (AssertionError | RuntimeException ex) {
				// A case that stops early is a shape too; say so, and go on.
				BenchRun.log("case " + reference + " stopped early: " + ex.getMessage().lines().findFirst().orElse(""));
			}
			if ((i + 1) % 25 == 0) {
				BenchRun.log("opened " + (i + 1) + " of " + count + " real cases");
			}
		}
		BenchRun.log("opened " + count + " real cases in " + (System.nanoTime() - start) / 1_000_000_000 + " s; "
				+ historyRows() + " history rows");
	}

	private void readAndWriteFile(String reference, int reads) {
		BenchRun.Reply written = this.run.put("demo-ngo", "/api/cases/" + reference + "/file/identity",
				"{\"firstName\": \"Bench\"}");
		if (written.status() != 200) {
			throw new IllegalStateException("write the identity section: " + written);
		}
		for (int r = 0; r <= reads; r++) {
			this.journey.section("demo-ngo", reference, "identity");
		}
	}

	/**
	 * Copies of the real cases, round robin: {@code copies} more cases, or fewer if the real cases' average size would
	 * take the history past {@code rows}; then case file reads on the copies until the history holds {@code rows} rows.
	 */
	private void copyCases(int copies, long rows) {
		long start = System.nanoTime();
		var jdbc = this.run.jdbc;
		jdbc.execute("""
				create table bench_template as
				select c.case_id, c.reference, min(p.start_time_) as started,
				       row_number() over (order by c.case_id) - 1 as k
				from nrm_case c join act_hi_procinst p on p.business_key_ = c.reference
				group by c.case_id, c.reference""");
		jdbc.execute("""
				create table bench_root as
				select distinct t.case_id as template_case, p.root_proc_inst_id_ as root
				from bench_template t join act_hi_procinst p on p.business_key_ = t.reference""");
		long templates = this.run.count("select count(*) from bench_template");
		// No more copies than the target number of rows allows, at the real cases' average size.
		long perCase = Math.max(1, historyRows() / templates);
		if ((long) copies * perCase > rows - historyRows()) {
			copies = (int) Math.max(1, (rows - historyRows()) / perCase);
			BenchRun.log(perCase + " history rows per real case: " + copies + " copies fill " + rows);
		}
		// Copy n takes template n mod templates, starts at a point spread over the last year, and gets a user offset.
		jdbc.execute("""
				create table bench_copy as
				select g as n, t.case_id as template_case, t.reference as template_ref, t.started as template_started,
				       gen_random_uuid()::text as case_id, 'BENCH-' || extract(year from now())::int || '-'
				       || lpad(g::text, 6, '0') as reference, '-b' || g as sfx,
				       now() - interval '365 days' + (g * 365.0 / %1$d) * interval '1 day' as started,
				       (g * 7) %% %2$d as u
				from generate_series(1, %1$d) g join bench_template t on t.k = g %% %3$d""".formatted(copies, USERS,
				templates));
		jdbc.execute("create index bench_copy_template on bench_copy (template_case)");
		jdbc.execute("""
				create table bench_audit_template as
				select r.template_case, e.sequence from nrm_audit_entry e join bench_root r on e.process_instance_id = r.root
				union
				select t.case_id, e.sequence from nrm_audit_entry e join bench_template t on e.case_id = t.case_id""");
		for (String table : HISTORY) {
			if (table.equals("nrm_audit_entry")) {
				continue;
			}
			int copied = jdbc.update("insert into " + table + " (" + columns(table).stream().collect(Collectors.joining(", "))
					+ ") select " + columns(table).stream().map(column -> copyOf(table, column)).collect(Collectors.joining(", ")) + " from "
					+ table + " t join bench_root r on t.root_proc_inst_id_ = r.root"
					+ " join bench_copy m on m.template_case = r.template_case");
			BenchRun.log("copied " + copied + " rows into " + table);
		}
		long head = this.run.count("select last_sequence from nrm_audit_head where id = 1");
		int copied = jdbc.update("""
				insert into nrm_audit_entry (sequence, at, actor, type, case_id, case_reference, process_instance_id,
				                             subject, purpose, detail, previous_hash, hash)
				select ? + row_number() over (order by m.n, t.sequence), %s, %s, t.type,
				       case when t.case_id is null then null else m.case_id end,
				       case when t.case_reference is null then null else m.reference end,
				       %s,
				       t.subject, t.purpose, t.detail, md5(t.hash || m.n), md5(t.hash || m.n) || md5(m.sfx)
				from bench_audit_template a join nrm_audit_entry t on t.sequence = a.sequence
				join bench_copy m on m.template_case = a.template_case"""
			.formatted(time("at"), user("actor"), id("process_instance_id")), head);
		BenchRun.log("copied " + copied + " rows into nrm_audit_entry");
		List<String> caseColumns = columns("nrm_case").stream().filter(column -> !column.equals("case_number")).toList();
		jdbc.update("insert into nrm_case (" + String.join(", ", caseColumns) + ") select " + caseColumns.stream()
			.map(column -> switch (column) {
				case "case_id" -> "m.case_id";
				case "reference" -> "m.reference";
				default -> copyOf("nrm_case", column);
			})
			.collect(Collectors.joining(", ")) + " from nrm_case t join bench_copy m on m.template_case = t.case_id");
		long missing = rows - historyRows();
		if (missing > 0) {
			// The most frequent act in a case's life: someone reads a section of its file, for a stated purpose.
			long last = this.run.count("select max(sequence) from nrm_audit_entry");
			jdbc.update("""
					insert into nrm_audit_entry (sequence, at, actor, type, case_id, case_reference, process_instance_id,
					                             subject, purpose, detail, previous_hash, hash)
					select ? + g, m.started + (g % 97) * interval '1 day' + (g % 1440) * interval '1 minute',
					       'bench-user-' || lpad(((m.u + g % 3) % ?)::text, 2, '0'), 'SectionRead', m.case_id, m.reference,
					       null, (array['identity', 'situation', 'contacts', 'health'])[1 + g % 4], 'Casework', null,
					       md5(g::text), md5(g::text) || md5(m.reference)
					from generate_series(1, ?) g join bench_copy m on m.n = 1 + g % ?""", last, USERS, missing, copies);
		}
		jdbc.execute("""
				update nrm_audit_head set last_sequence = e.sequence, last_hash = e.hash
				from nrm_audit_entry e where e.sequence = (select max(sequence) from nrm_audit_entry)""");
		jdbc.execute("drop table bench_template, bench_root, bench_copy, bench_audit_template");
		jdbc.execute("analyze");
		this.references = jdbc.queryForList("select reference from nrm_case where reference is not null", String.class);
		BenchRun.log("copied to " + this.references.size() + " cases, " + historyRows() + " history rows, in "
				+ (System.nanoTime() - start) / 1_000_000_000 + " s");
	}

	private List<String> columns(String table) {
		return this.run.jdbc.queryForList("select column_name from information_schema.columns where table_name = ?"
				+ " and table_schema = current_schema() order by ordinal_position", String.class, table);
	}

	/** The expression that copies one column of a real case's row ({@code t}) to copy {@code m}. */
	private String copyOf(String table, String column) {
		String type = this.run.jdbc.queryForObject("select data_type from information_schema.columns"
				+ " where table_name = ? and column_name = ? and table_schema = current_schema()", String.class, table,
				column);
		if (IDS.contains(column)) {
			return id(column);
		}
		if (column.equals("business_key_")) {
			return "case when t.business_key_ = m.template_ref then m.reference else t.business_key_ end";
		}
		if (USER_COLUMNS.contains(column)) {
			return user(column);
		}
		if (type != null && type.startsWith("timestamp")) {
			return time(column);
		}
		return "t." + column;
	}

	/** The copy's id for an id of the real case: the same for the same id in every table, within 64 characters. */
	private static String id(String column) {
		return "left(t." + column + ", 64 - length(m.sfx)) || m.sfx";
	}

	/** The real case's minutes, stretched a thousandfold, from the copy's start. */
	private static String time(String column) {
		return "m.started + (t." + column + " - m.template_started) * 1000";
	}

	/** One of the 50 users, the same for the same original user within a copy; 'system' stays. */
	private static String user(String column) {
		return "case when t." + column + " is null or t." + column + " = 'system' then t." + column
				+ " else 'bench-user-' || lpad(((m.u + abs(hashtext(t." + column + ")) % 7) % " + USERS
				+ ")::text, 2, '0') end";
	}

	private long historyRows() {
		return HISTORY.stream().mapToLong(table -> this.run.count("select count(*) from " + table)).sum();
	}

	// ---- measuring

	private String timeline() {
		return "/api/audit/cases/" + this.references.get(this.random.nextInt(this.references.size())) + "/timeline";
	}

	private String activity() {
		java.time.Instant now = java.time.Instant.now();
		return "/api/audit/users/bench-user-" + String.format("%02d", this.random.nextInt(USERS)) + "/activity?from="
				+ now.minus(java.time.Duration.ofDays(30)) + "&to=" + now;
	}

	private long call(String view, String path) {
		long start = System.nanoTime();
		BenchRun.Reply reply = this.run.get(AUDITOR, path);
		long time = System.nanoTime() - start;
		if (reply.status() != 200) {
			throw new IllegalStateException("GET " + path + ": " + reply);
		}
		try {
			JsonNode items = this.json.readTree(reply.body());
			this.items.merge(view, (long) items.size(), Long::sum);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return time;
	}

	private void warmUp() {
		for (int i = 0; i < WARM_UP; i++) {
			call("warm-up", timeline());
			call("warm-up", activity());
		}
		this.items.clear();
	}

	/** The two views in turn, so that drift hits both alike. */
	private void measure(int count) {
		List<Long> timelines = new ArrayList<>();
		List<Long> activities = new ArrayList<>();
		this.samples.put("case timeline", timelines);
		this.samples.put("user activity, 30 days", activities);
		for (int i = 0; i < count; i++) {
			timelines.add(call("case timeline", timeline()));
			activities.add(call("user activity, 30 days", activity()));
			if ((i + 1) % 50 == 0) {
				BenchRun.log("measured " + (i + 1) + " of " + count);
			}
		}
	}

	private void report(int count) {
		var out = this.run.out;
		out.println();
		out.printf("W4 auditor: %d cases, %,d history rows (", this.references.size(), historyRows());
		out.print(HISTORY.stream().map(table -> table + " " + this.run.count("select count(*) from " + table))
			.collect(Collectors.joining(", ")));
		out.printf("); %d samples each after %d warm-up calls, as %s over HTTP%n", count, WARM_UP, AUDITOR);
		out.printf("| %-24s | %4s | %7s | %7s | %7s | %6s | %10s | %s |%n", "workload", "n", "p50 ms", "p95 ms",
				"p99 ms", "req/s", "items/call", "target p95");
		out.println("|---|---|---|---|---|---|---|---|");
		Map<String, String> targets = Map.of("case timeline", "< 100 ms", "user activity, 30 days", "< 300 ms");
		this.samples.forEach((name, times) -> out.printf("| %-24s | %4d | %7.1f | %7.1f | %7.1f | %6.1f | %10.1f | %s |%n",
				name, times.size(), BenchRun.ms(times, 50), BenchRun.ms(times, 95), BenchRun.ms(times, 99),
				times.size() / (times.stream().mapToLong(Long::longValue).sum() / 1e9),
				this.items.get(name) / (double) times.size(), targets.get(name)));
		this.run.machine();
	}
}
