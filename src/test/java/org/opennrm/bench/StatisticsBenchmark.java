package org.opennrm.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opennrm.statistics.internal.SyntheticStatistics;

/**
 * The statistics target of issue 6: every national table for one year over 100,000 synthetic cases in PostgreSQL in
 * under 5 seconds. The service runs on an embedded PostgreSQL (demo profile); the persons are added through the
 * statistics module's own ledger (a synthetic population, all registered in the measured year), then {@code ANALYZE}.
 * <p>
 * Side by side, alternating A B A B:
 * <ul>
 * <li><b>ours</b>: {@code GET /api/statistics/national?year=Y&jurisdiction=J} as the coordinator over HTTP: 13
 * counts, disclosure control of all tables together, JSON, and the audit entry;</li>
 * <li><b>bare</b>: the same 13 GROUP BY counts over plain JDBC, no protection, no HTTP.</li>
 * </ul>
 * Then, once each, the other releases (Eurostat, regional template, CTDC records, national as CSV). Not a test: nothing
 * fails on a slow run. Run it with {@code src/bench/statistics/measure.sh [persons] [rounds]}.
 */
public final class StatisticsBenchmark {

	static final String COORDINATOR = "demo-coordinator";

	static final int YEAR = 2025;

	static final String JURISDICTION = "mk";

	static final String WHERE = " from nrm_statistics_person p where p.registered_year = " + YEAR
			+ " and p.jurisdiction = '" + JURISDICTION + "'";

	/** The counts behind the 13 national tables, without anything else. */
	static final List<String> BARE = List.of(
			"select p.sex, p.majority, count(*)" + WHERE + " and p.registered_victim group by p.sex, p.majority",
			"select p.age_band, count(*)" + WHERE + " and p.registered_victim group by p.age_band",
			"select p.sex, p.citizenship_group, count(*)" + WHERE
					+ " and p.registered_victim group by p.sex, p.citizenship_group",
			"select p.citizenship, count(*)" + WHERE + " and p.registered_victim group by p.citizenship",
			"select p.sex, p.exploitation, count(*)" + WHERE + " and p.registered_victim group by p.sex, p.exploitation",
			"select a.code, count(*) from nrm_statistics_person p join nrm_statistics_attribute a on a.stat_id = p.stat_id"
					+ " and a.kind = 'Control' where p.registered_year = " + YEAR + " and p.jurisdiction = '"
					+ JURISDICTION + "' and p.registered_victim group by a.code",
			"select p.referring_agency, count(*)" + WHERE + " and p.registered_victim group by p.referring_agency",
			"select p.registered_quarter, p.identified, count(*)" + WHERE
					+ " and p.registered_victim group by p.registered_quarter, p.identified",
			"select p.referring_agency, p.identified, p.registered_victim, p.person_status, count(*)" + WHERE
					+ " group by p.referring_agency, p.identified, p.registered_victim, p.person_status",
			"select p.preliminary_in_time, p.formal_in_time, count(*)" + WHERE
					+ " group by p.preliminary_in_time, p.formal_in_time",
			"select a.code, count(*) from nrm_statistics_person p join nrm_statistics_attribute a on a.stat_id = p.stat_id"
					+ " and a.kind = 'Service' where p.registered_year = " + YEAR + " and p.jurisdiction = '"
					+ JURISDICTION + "' group by a.code",
			"select p.case_status, p.person_status, count(*)" + WHERE + " group by p.case_status, p.person_status",
			"select p.registered_quarter, p.escalations > 0, count(*)" + WHERE
					+ " group by p.registered_quarter, p.escalations > 0");

	private final BenchRun run;

	private final Map<String, List<Long>> samples = new LinkedHashMap<>();

	private StatisticsBenchmark(BenchRun run) {
		this.run = run;
	}

	public static void main(String[] args) throws Exception {
		int persons = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
		try (BenchRun run = BenchRun.start(false)) {
			long start = System.nanoTime();
			SyntheticStatistics.add(run.service, 2025, persons, YEAR, JURISDICTION, "MK");
			run.jdbc.execute("analyze");
			BenchRun.log(String.format("added %d persons in %.1f s", persons, (System.nanoTime() - start) / 1e9));
			StatisticsBenchmark bench = new StatisticsBenchmark(run);
			bench.measure(rounds);
			bench.report(persons, rounds);
			run.holdIfAsked();
		}
		System.exit(0);
	}

	private void measure(int rounds) {
		String national = "/api/statistics/national?year=" + YEAR + "&jurisdiction=" + JURISDICTION;
		for (int i = 0; i < 3; i++) {
			ours(national);
			bare();
		}
		for (int round = 0; round < rounds; round++) {
			time("national tables, ours (HTTP, protected)", () -> ours(national));
			time("national tables, bare (13 counts, JDBC)", this::bare);
		}
		for (String release : List.of("eurostat", "regional", "ctdc")) {
			String path = "/api/statistics/" + release + "?year=" + YEAR + "&jurisdiction=" + JURISDICTION;
			ours(path);
			for (int round = 0; round < Math.max(3, rounds / 4); round++) {
				time(release + ", ours", () -> ours(path));
			}
		}
		for (int round = 0; round < Math.max(3, rounds / 4); round++) {
			time("national tables as CSV, ours", () -> ours(national + "&format=csv"));
		}
	}

	private void ours(String path) {
		BenchRun.Reply reply = this.run.get(COORDINATOR, path);
		if (reply.status() != 200) {
			throw new IllegalStateException(path + " answered " + reply.status() + ": " + reply.body());
		}
	}

	private void bare() {
		BARE.forEach(sql -> this.run.jdbc.queryForList(sql));
	}

	private void time(String workload, Runnable call) {
		long start = System.nanoTime();
		call.run();
		this.samples.computeIfAbsent(workload, key -> new ArrayList<>()).add(System.nanoTime() - start);
	}

	private void report(int persons, int rounds) {
		this.run.out.printf("%nStatistics: all national tables of %d for %s over %d synthetic persons (%d registered "
				+ "victims) in PostgreSQL, as %s; %d alternating rounds%n", YEAR, JURISDICTION, persons,
				this.run.count("select count(*)" + WHERE + " and p.registered_victim"), COORDINATOR, rounds);
		this.run.out.println("| workload | n | p50 ms | p95 ms | p99 ms | max ms |");
		this.run.out.println("|---|---|---|---|---|---|");
		this.samples.forEach((workload, nanos) -> this.run.out.printf("| %s | %d | %.1f | %.1f | %.1f | %.1f |%n",
				workload, nanos.size(), BenchRun.ms(nanos, 50), BenchRun.ms(nanos, 95), BenchRun.ms(nanos, 99),
				BenchRun.ms(nanos, 100)));
		List<Long> ours = this.samples.get("national tables, ours (HTTP, protected)");
		List<Long> bare = this.samples.get("national tables, bare (13 counts, JDBC)");
		this.run.out.printf("%nours/bare: p50 %.2f, p95 %.2f; target: ours p95 under 5000 ms: %s%n",
				BenchRun.ms(ours, 50) / BenchRun.ms(bare, 50), BenchRun.ms(ours, 95) / BenchRun.ms(bare, 95),
				BenchRun.ms(ours, 95) < 5000 ? "met" : "NOT met");
		this.run.machine();
	}
}
