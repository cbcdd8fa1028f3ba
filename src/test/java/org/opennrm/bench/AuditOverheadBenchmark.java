package org.opennrm.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opennrm.audit.internal.AuditSwitch;
import org.opennrm.identification.VictimIdentificationProcess;
import org.opennrm.test.CaseJourney;

/**
 * What writing the audit trail costs a caseworker's step: claim and complete of the same task type
 * ({@code Task_ConfirmScreeningOutcome}, presumed victim) over HTTP, with the trail written ("audit on") and with
 * writing switched off ("audit off", through {@link AuditSwitch}, which production does not have), side by side in
 * alternating rounds on a real PostgreSQL. Target (issue): audit on at most 10 % slower than audit off.
 * <p>
 * Each sample takes a fresh case opened through the API (as {@code demo-police}, adult, labour exploitation) and
 * screened, so that every claim and complete does the same work. The engine's jobs are not run while measuring: both
 * sides leave the same asynchronous continuations behind. Not a test: nothing here fails on a slow run. Run it with
 * {@code src/bench/audit/measure-overhead.sh}.
 */
public final class AuditOverheadBenchmark {

	static final String CASEWORKER = "demo-police";

	static final String CONFIRM = "{\"presumedVictim\": true}";

	/** Claim-and-complete steps of each side before measuring ({@code -Dbench.warm-up}). */
	static final int WARM_UP = Integer.getInteger("bench.warm-up", 15);

	private final BenchRun run;

	private final CaseJourney journey;

	private final List<String> waiting = new ArrayList<>();

	private final Map<String, List<Long>> samples = new LinkedHashMap<>();

	/** Audit entries written per claim-and-complete with audit on, and with it off (should be none). */
	private final Map<String, Long> entries = new LinkedHashMap<>();

	private AuditOverheadBenchmark(BenchRun run) {
		this.run = run;
		this.journey = CaseJourney.on(run.service);
	}

	public static void main(String[] args) throws Exception {
		int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
		int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 15;
		try (BenchRun run = BenchRun.start(true)) {
			AuditOverheadBenchmark bench = new AuditOverheadBenchmark(run);
			bench.prepare(2 * (WARM_UP + rounds * perRound));
			run.jdbc.execute("analyze");
			bench.warmUp();
			run.resetStatements();
			bench.measure(rounds, perRound);
			bench.report(rounds, perRound);
			bench.statements(rounds * perRound);
			run.topStatements(12);
			run.holdIfAsked();
		}
		System.exit(0);
	}

	/** Cases waiting at the confirmation of their screening, one per sample. */
	private void prepare(int count) {
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			String reference = this.journey.open(CASEWORKER, CaseJourney.ADULT_BY_POLICE);
			this.journey.complete(CASEWORKER, reference, VictimIdentificationProcess.TASK_SCREEN_INDICATORS,
					CaseJourney.ADULT_LABOUR_INDICATORS);
			this.waiting.add(this.journey
				.task(CASEWORKER, reference, VictimIdentificationProcess.TASK_CONFIRM_SCREENING_OUTCOME)
				.path("id")
				.asText());
			if ((i + 1) % 50 == 0) {
				BenchRun.log("prepared " + (i + 1) + " of " + count + " cases");
			}
		}
		BenchRun.log("prepared " + count + " cases in " + (System.nanoTime() - start) / 1_000_000_000 + " s");
	}

	/** One claim and complete of a fresh task, timed. */
	private long claimAndComplete() {
		String taskId = this.waiting.remove(this.waiting.size() - 1);
		long start = System.nanoTime();
		BenchRun.Reply claimed = this.run.post(CASEWORKER, "/api/tasks/" + taskId + "/claim", null);
		BenchRun.Reply completed = this.run.post(CASEWORKER, "/api/tasks/" + taskId + "/complete", CONFIRM);
		long time = System.nanoTime() - start;
		if (claimed.status() != 204 || completed.status() != 204) {
			throw new IllegalStateException("claim " + claimed + ", complete " + completed);
		}
		return time;
	}

	private void side(boolean audit, int count, List<Long> times) {
		AuditSwitch.writing(this.run.service, audit);
		try {
			long before = lastSequence();
			for (int i = 0; i < count; i++) {
				long time = claimAndComplete();
				if (times != null) {
					times.add(time);
				}
			}
			this.entries.merge(name(audit), lastSequence() - before, Long::sum);
		}
		finally {
			AuditSwitch.writing(this.run.service, true);
		}
	}

	private void warmUp() {
		side(true, WARM_UP, null);
		side(false, WARM_UP, null);
		this.entries.clear();
	}

	/** Rounds of both sides, which one goes first alternating, so that drift hits both alike. */
	private void measure(int rounds, int perRound) {
		this.samples.put(name(true), new ArrayList<>());
		this.samples.put(name(false), new ArrayList<>());
		for (int round = 0; round < rounds; round++) {
			boolean first = round % 2 == 0;
			side(first, perRound, this.samples.get(name(first)));
			side(!first, perRound, this.samples.get(name(!first)));
			BenchRun.log("round " + (round + 1) + " of " + rounds);
		}
	}

	private void report(int rounds, int perRound) {
		var out = this.run.out;
		out.println();
		out.printf("Audit overhead: claim + complete of %s over HTTP as %s, %d rounds of %d per side after %d warm-up"
				+ " steps each; audit entries in the trail: %d%n", VictimIdentificationProcess.TASK_CONFIRM_SCREENING_OUTCOME,
				CASEWORKER, rounds, perRound, WARM_UP, this.run.count("select count(*) from nrm_audit_entry"));
		out.printf("| %-22s | %4s | %7s | %7s | %7s | %8s | %17s |%n", "workload", "n", "p50 ms", "p95 ms", "p99 ms",
				"mean ms", "audit entries/step");
		out.println("|---|---|---|---|---|---|---|");
		this.samples.forEach((name, times) -> out.printf("| %-22s | %4d | %7.1f | %7.1f | %7.1f | %8.1f | %17.1f |%n",
				name, times.size(), BenchRun.ms(times, 50), BenchRun.ms(times, 95), BenchRun.ms(times, 99),
				times.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6,
				this.entries.getOrDefault(name, 0L) / (double) times.size()));
		List<Long> on = this.samples.get(name(true));
		List<Long> off = this.samples.get(name(false));
		out.println();
		out.printf("on/off (target <= 1.10): p50 %.3f, p95 %.3f, p99 %.3f%n", BenchRun.ms(on, 50) / BenchRun.ms(off, 50),
				BenchRun.ms(on, 95) / BenchRun.ms(off, 95), BenchRun.ms(on, 99) / BenchRun.ms(off, 99));
		this.run.machine();
	}

	/** How many statements a step sends, and how many of them write the trail (both sides together). */
	private void statements(int stepsPerSide) {
		// Not the benchmark's own bookkeeping (the head before and after each side, the counts of the report).
		String ours = " and query not like '%pg_stat_statements%' and query not like '%count(*)%'"
				+ " and query not like 'select last_sequence from nrm_audit_head where id = $1'";
		long all = this.run.count("select sum(calls) from pg_stat_statements where true" + ours);
		long audit = this.run.count("select coalesce(sum(calls), 0) from pg_stat_statements where query like '%nrm_audit_%'"
				+ ours);
		this.run.out.printf("statements per claim+complete, both sides: %.1f, of which the trail's (audit on only): %.1f"
				+ " per audited step%n", all / (2.0 * stepsPerSide), audit / (double) stepsPerSide);
	}

	private long lastSequence() {
		return this.run.count("select last_sequence from nrm_audit_head where id = 1");
	}

	private static String name(boolean audit) {
		return "claim+complete audit " + (audit ? "on" : "off");
	}
}
