package org.opennrm.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.opennrm.assistance.AssistancePlanProcess;
import org.opennrm.cases.CaseVariables;
import org.opennrm.casework.NrmCaseProcess;
import org.opennrm.deadlines.Deadlines;
import org.opennrm.handoff.ServiceHandoffProcess;
import org.opennrm.identification.VictimIdentificationProcess;
import org.opennrm.risk.RiskAssessmentProcess;
import org.opennrm.test.CaseJourney;
import org.opennrm.test.ServiceRuns;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Workloads W1 and W7 of {@code BENCHMARKS.md} (issue 13): whole referral lifecycles from 8 clients, on one node of
 * the service, on two nodes of it sharing one PostgreSQL, and on the bare engine with the same models.
 * <p>
 * One lifecycle is the pathway's shortest path from opening to closing that hands the person over to a service: the
 * police open a case and screen it (indicators, then the screening outcome: presumed a victim), the competent
 * authority takes the preliminary decision, the police record the person's consent, police and social services assess
 * the risk, social services draft a plan with legal aid and a supervisor approves it, an NGO accepts the hand-off and
 * records the service as delivered, and social services review the case for closure; the lifecycle ends when the
 * case is seen closed. The preliminary decision is negative (no reasonable grounds): a positive one starts the
 * recovery period, which waits on a timer of a month or more before formal identification, and no benchmark can wait
 * that long (moving the engine clock would move it for every variant in this JVM). Assistance runs either way.
 * <p>
 * A client plays every caseworker of its case in turn. Each step is: list the case's tasks as the step's user until
 * the step's task shows (asynchronous steps run on the job executor in between; the client polls every
 * {@code bench.poll-ms}), claim it, complete it with its typed body. Through our API: real HTTP, HTTP Basic with the
 * demo users' password on every call, as a client without the identity provider's tokens sends it (the API keeps no
 * session; the service keeps a successful sign-in for a few seconds, ADR 21, as it keeps a token's introspection). On
 * the bare engine ({@link BareEngine}): the same steps through Camunda's Java API in this JVM, as the same users
 * (authenticated for the user operation log, authorization off), completing with the process variables our API would
 * set: routing flags, never what goes to the case file.
 * <p>
 * Variants: one node; two nodes on one database, every request going to the next node in turn (as a round-robin
 * balancer would; the API is stateless); the bare engine through its Java API; the bare engine behind Camunda's own
 * REST API ({@link BareRestEngine}: over HTTP, each call signed in with HTTP Basic, as a deployment of the bare engine
 * serves clients). Each on a database of its own, new at the start, on one embedded PostgreSQL; the variants chosen
 * ({@code bench.variants}) are up for the whole run and only the measured one works. After a warm-up, and a vacuum
 * and analysis of each database (as on a database in use), rounds alternate the variants, the order rotating each
 * round. In a round the clients run for a ramp, then for the window measured: throughput counts the lifecycles that
 * ended inside the window (and, steadier for short windows, the tasks completed in it); per-call times are those of
 * the calls made inside it. Lifecycles still running when the window closes are finished unmeasured, so the next
 * variant starts on a quiet database.
 * <p>
 * Not a test: nothing here fails on a slow run. Run it with {@code src/bench/throughput/measure.sh}.
 */
public final class ThroughputBenchmark {

	static final int CLIENTS = Integer.getInteger("bench.clients", 8);

	/** Lifecycles per client and variant before measuring ({@code -Dbench.warm-up}). */
	static final int WARM_UP = Integer.getInteger("bench.warm-up", 3);

	/**
	 * Seconds the clients run in each round before its window opens ({@code -Dbench.ramp-seconds}), so that the window
	 * sees the clients at every step of their lifecycles rather than all opening cases together.
	 */
	static final int RAMP_SECONDS = Integer.getInteger("bench.ramp-seconds", 20);

	/** Time between two looks at a case's tasks while the job executor carries it on ({@code -Dbench.poll-ms}). */
	static final long POLL_MS = Long.getLong("bench.poll-ms", 20);

	static final long STEP_TIMEOUT_MS = 120_000;

	/** Each variant, with its database on the embedded PostgreSQL. */
	static final Map<String, String> DATABASES = orderedMap("one node", "one_node", "two nodes", "two_nodes", "bare",
			"bare", "bare REST", "bare_rest");

	/**
	 * The variants measured ({@code -Dbench.variants}, comma-separated, names as in {@link #DATABASES}): our API on one
	 * node and on two, the bare engine through its Java API in this JVM, and the bare engine behind Camunda's REST
	 * API. The one node is started in any case: the others take its pool size.
	 */
	static final List<String> VARIANTS = variants(System.getProperty("bench.variants", String.join(",",
			DATABASES.keySet())));

	/**
	 * With a number n ({@code -Dbench.statements}), the report ends with each database's n statements that took the
	 * most of PostgreSQL's time over the whole run (warm-up included), per case process started on it.
	 */
	static final int STATEMENTS = Integer.getInteger("bench.statements", 0);

	/** Call kinds, in the order of the report. */
	static final List<String> KINDS = List.of("open case", "list tasks", "claim", "complete", "read case");

	static final Map<String, Object> LOW_RISK = map("riskRating", "Low", "riskFactors", List.of("None"));

	/** The lifecycle: each step's task type, who does it (and in which group), its API body, its engine variables. */
	static final List<Step> STEPS = List.of(
			new Step(VictimIdentificationProcess.TASK_SCREEN_INDICATORS, "demo-police", "police",
					CaseJourney.ADULT_LABOUR_INDICATORS, screeningCounts()),
			new Step(VictimIdentificationProcess.TASK_CONFIRM_SCREENING_OUTCOME, "demo-police", "police",
					map("presumedVictim", true), map(VictimIdentificationProcess.Variables.PRESUMED_VICTIM, true)),
			new Step(VictimIdentificationProcess.TASK_DECIDE_REASONABLE_GROUNDS, "demo-authority", "authority",
					map("reasonableGrounds", "Negative", "noGroundsReason", "ElementsNotMet"),
					map(VictimIdentificationProcess.Variables.REASONABLE_GROUNDS, "Negative", "noGroundsReason",
							"ElementsNotMet")),
			new Step(NrmCaseProcess.TASK_RECORD_CONSENT, "demo-police", "police", consent(), consent()),
			new Step(RiskAssessmentProcess.TASK_ASSESS_RISK_AS_POLICE, "demo-police", "police", LOW_RISK,
					map(RiskAssessmentProcess.Variables.RISK_RATING, "Low")),
			new Step(RiskAssessmentProcess.TASK_ASSESS_RISK_AS_CASE_MANAGER, "demo-social", "social", LOW_RISK,
					map(RiskAssessmentProcess.Variables.RISK_RATING, "Low")),
			new Step(AssistancePlanProcess.TASK_DRAFT_ASSISTANCE_PLAN, "demo-social", "social", plan(), plan()),
			new Step(AssistancePlanProcess.TASK_APPROVE_ASSISTANCE_PLAN, "demo-supervisor", "supervisor",
					map("planApproved", true), map(AssistancePlanProcess.Variables.PLAN_APPROVED, true)),
			new Step(ServiceHandoffProcess.TASK_RESPOND_TO_REFERRAL, "demo-ngo", "ngo", map("referralAccepted", true),
					map(ServiceHandoffProcess.Variables.REFERRAL_ACCEPTED, true)),
			new Step(ServiceHandoffProcess.TASK_RECORD_SERVICE_DELIVERY, "demo-ngo", "ngo",
					map("serviceOutcome", "Delivered"), map(ServiceHandoffProcess.Variables.SERVICE_OUTCOME, "Delivered")),
			new Step(NrmCaseProcess.TASK_REVIEW_CASE_FOR_CLOSURE, "demo-social", "social", closure(), closure()));

	record Step(String taskType, String userId, String group, Map<String, Object> body, Map<String, Object> variables) {
	}

	/** One way of driving a lifecycle: our API on some nodes, or the bare engine. */
	interface Driver {

		String name();

		/** Opens a case; its reference. */
		String open();

		/** The id of the step's task on the case as the step's user sees it, or null if it is not there yet. */
		String findTask(String reference, Step step);

		void claim(String taskId, Step step);

		void complete(String taskId, Step step);

		boolean closed(String reference);
	}

	private final PrintStream out;

	/** Per variant: per round, lifecycles ended in the window and the window's length. */
	private final Map<String, List<double[]>> rounds = new LinkedHashMap<>();

	/** Per variant: per call kind, durations in nanoseconds. */
	private final Map<String, Map<String, List<Long>>> calls = new LinkedHashMap<>();

	private final Map<String, List<Long>> lifecycles = new LinkedHashMap<>();

	private final Map<String, long[]> polls = new LinkedHashMap<>();

	/** Per variant: CPU time of this JVM and of PostgreSQL in the windows, summed over rounds. */
	private final Map<String, CpuUse> cpu = new LinkedHashMap<>();

	private ThroughputBenchmark(PrintStream out) {
		this.out = out;
	}

	public static void main(String[] args) throws Exception {
		int roundCount = args.length > 0 ? Integer.parseInt(args[0]) : 3;
		int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
		ThroughputBenchmark bench = new ThroughputBenchmark(BenchRun.results());
		EmbeddedPostgres.Builder server = EmbeddedPostgres.builder().setServerConfig("max_connections", "300");
		if (STATEMENTS > 0) {
			server.setServerConfig("shared_preload_libraries", "pg_stat_statements");
		}
		EmbeddedPostgres postgres = server.start();
		List<AutoCloseable> running = new ArrayList<>();
		try {
			JdbcTemplate admin = new JdbcTemplate(postgres.getPostgresDatabase());
			for (String database : DATABASES.values()) {
				admin.execute("create database " + database);
			}
			long start = System.nanoTime();
			List<Driver> drivers = new ArrayList<>();
			ConfigurableApplicationContext one = node(postgres, "one_node", "nrm-one");
			running.add(one);
			int poolSize = one.getEnvironment().getProperty("spring.datasource.hikari.maximum-pool-size", Integer.class, 10);
			if (VARIANTS.contains("one node")) {
				drivers.add(new Api("one node", List.of(one)));
			}
			if (VARIANTS.contains("two nodes")) {
				ConfigurableApplicationContext first = node(postgres, "two_nodes", "nrm-two-a");
				running.add(first);
				ConfigurableApplicationContext second = node(postgres, "two_nodes", "nrm-two-b");
				running.add(second);
				drivers.add(new Api("two nodes", List.of(first, second)));
			}
			if (VARIANTS.contains("bare")) {
				BareEngine bare = BareEngine.start(postgres.getJdbcUrl("postgres", "bare"), "postgres", "postgres",
						poolSize);
				running.add(bare);
				drivers.add(new Bare(bare));
			}
			if (VARIANTS.contains("bare REST")) {
				Map<String, String> users = new LinkedHashMap<>();
				STEPS.forEach(step -> users.put(step.userId(), step.group()));
				ConfigurableApplicationContext bareRest = BareRestEngine.start(
						postgres.getJdbcUrl("postgres", "bare_rest"), "postgres", "postgres", poolSize, users);
				running.add(bareRest);
				drivers.add(new BareRest(bareRest));
			}
			BenchRun.log(drivers.size() + " variants up in " + (System.nanoTime() - start) / 1_000_000_000 + " s");

			for (Driver driver : drivers) {
				bench.warmUp(driver);
			}
			analysed(postgres, drivers);
			for (int round = 0; round < roundCount; round++) {
				for (int i = 0; i < drivers.size(); i++) {
					bench.measure(drivers.get((i + round) % drivers.size()), seconds);
				}
				BenchRun.log("round " + (round + 1) + " of " + roundCount);
			}
			bench.report(roundCount, seconds, poolSize, new JdbcTemplate(postgres.getPostgresDatabase()));
			bench.engineState(postgres);
			if (STATEMENTS > 0) {
				bench.statements(postgres, STATEMENTS);
			}
		}
		finally {
			for (int i = running.size() - 1; i >= 0; i--) {
				running.get(i).close();
			}
			postgres.close();
		}
		System.exit(0);
	}

	/** A node of the service on one of the databases, its job executor on, as in {@code TwoNodesIT}. */
	private static ConfigurableApplicationContext node(EmbeddedPostgres postgres, String database, String name) {
		Map<String, Object> node = new HashMap<>();
		node.put("spring.datasource.url", postgres.getJdbcUrl("postgres", database));
		node.put("spring.datasource.username", "postgres");
		node.put("spring.datasource.password", "postgres");
		node.put("spring.datasource.hikari.data-source-properties.ApplicationName", name);
		node.put("camunda.bpm.job-execution.enabled", true);
		node.put("nrm.retention.erasure.scheduled", false);
		ConfigurableApplicationContext context = ServiceRuns.start("demo", node);
		BenchRun.log(name + " up on port " + context.getEnvironment().getRequiredProperty("local.server.port")
				+ ", database " + database);
		return context;
	}

	// ---- running lifecycles

	/** Collects one client's samples while measuring: calls made and lifecycles ended inside the window. */
	private static final class Samples {

		final Map<String, List<Long>> calls = new HashMap<>();

		final List<Long> lifecycles = new ArrayList<>();

		long polls;

		int ended;

		final long windowStart;

		final long windowEnd;

		final boolean recording;

		Samples(long windowStart, long windowEnd, boolean recording) {
			this.windowStart = windowStart;
			this.windowEnd = windowEnd;
			this.recording = recording;
		}

		boolean inWindow(long start, long end) {
			return this.recording && start >= this.windowStart && end <= this.windowEnd;
		}

		<T> T time(String kind, Supplier<T> call) {
			long start = System.nanoTime();
			T result = call.get();
			long end = System.nanoTime();
			if (inWindow(start, end)) {
				this.calls.computeIfAbsent(kind, key -> new ArrayList<>()).add(end - start);
			}
			return result;
		}

		void time(String kind, Runnable call) {
			time(kind, () -> {
				call.run();
				return null;
			});
		}
	}

	private static void lifecycle(Driver driver, Samples samples) {
		long start = System.nanoTime();
		String reference = samples.time("open case", driver::open);
		for (Step step : STEPS) {
			String taskId = awaitNonNull(samples, step.taskType() + " on " + reference,
					() -> samples.time("list tasks", () -> driver.findTask(reference, step)));
			samples.time("claim", () -> driver.claim(taskId, step));
			samples.time("complete", () -> driver.complete(taskId, step));
		}
		awaitNonNull(samples, "closing of " + reference,
				() -> samples.time("read case", () -> driver.closed(reference)) ? Boolean.TRUE : null);
		long end = System.nanoTime();
		// Throughput counts the lifecycles that end in the window, wherever they began; a lifecycle's time is kept
		// only if the whole of it lies in the window.
		if (samples.inWindow(samples.windowStart, end)) {
			samples.ended++;
			if (start >= samples.windowStart) {
				samples.lifecycles.add(end - start);
			}
		}
	}

	private static <T> T awaitNonNull(Samples samples, String what, Supplier<T> look) {
		long giveUp = System.currentTimeMillis() + STEP_TIMEOUT_MS;
		for (T found = look.get();; found = look.get()) {
			if (found != null) {
				return found;
			}
			if (System.currentTimeMillis() > giveUp) {
				throw new IllegalStateException("Waited " + STEP_TIMEOUT_MS + " ms for " + what);
			}
			if (samples.inWindow(samples.windowStart, System.nanoTime())) {
				samples.polls++;
			}
			sleep(POLL_MS);
		}
	}

	/** Runs the clients: until the window ends (measuring), or a given number of lifecycles each (warming up). */
	private List<Samples> clients(Driver driver, long windowStart, long windowEnd, int lifecyclesEach)
			throws Exception {
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		try {
			List<Future<Samples>> results = new ArrayList<>();
			for (int c = 0; c < CLIENTS; c++) {
				results.add(clients.submit(() -> {
					Samples samples = new Samples(windowStart, windowEnd, lifecyclesEach == 0);
					if (lifecyclesEach > 0) {
						for (int i = 0; i < lifecyclesEach; i++) {
							lifecycle(driver, samples);
						}
					}
					else {
						while (System.nanoTime() < windowEnd) {
							lifecycle(driver, samples);
						}
					}
					return samples;
				}));
			}
			List<Samples> all = new ArrayList<>();
			for (Future<Samples> result : results) {
				all.add(result.get(30, TimeUnit.MINUTES));
			}
			return all;
		}
		finally {
			clients.shutdownNow();
		}
	}

	private void warmUp(Driver driver) throws Exception {
		long start = System.nanoTime();
		clients(driver, Long.MAX_VALUE, Long.MAX_VALUE, WARM_UP);
		BenchRun.log("warmed up " + driver.name() + ": " + CLIENTS * WARM_UP + " lifecycles in "
				+ (System.nanoTime() - start) / 1_000_000 + " ms");
	}

	private void measure(Driver driver, int seconds) throws Exception {
		long start = System.nanoTime();
		long windowStart = start + RAMP_SECONDS * 1_000_000_000L;
		long windowEnd = windowStart + seconds * 1_000_000_000L;
		CompletableFuture<CpuUse> windowCpu = CompletableFuture.supplyAsync(() -> {
			CpuUse before = CpuUse.at(windowStart);
			return CpuUse.at(windowEnd).since(before);
		});
		List<Samples> clients = clients(driver, windowStart, windowEnd, 0);
		this.cpu.merge(driver.name(), windowCpu.get(), CpuUse::plus);
		int ended = clients.stream().mapToInt(samples -> samples.ended).sum();
		int completed = clients.stream()
			.mapToInt(samples -> samples.calls.getOrDefault("complete", List.of()).size())
			.sum();
		this.rounds.computeIfAbsent(driver.name(), key -> new ArrayList<>())
			.add(new double[] { ended, seconds, completed });
		Map<String, List<Long>> kinds = this.calls.computeIfAbsent(driver.name(), key -> new LinkedHashMap<>());
		long[] polled = this.polls.computeIfAbsent(driver.name(), key -> new long[1]);
		for (Samples samples : clients) {
			samples.calls.forEach((kind, times) -> kinds.computeIfAbsent(kind, key -> new ArrayList<>()).addAll(times));
			this.lifecycles.computeIfAbsent(driver.name(), key -> new ArrayList<>()).addAll(samples.lifecycles);
			polled[0] += samples.polls;
		}
		BenchRun.log(driver.name() + ": " + ended + " lifecycles and " + completed + " tasks in " + seconds + " s, "
				+ String.format("%.2f", ended / (double) seconds) + " lifecycles/s (all clients done "
				+ (System.nanoTime() - start) / 1_000_000 + " ms after the ramp began)");
	}

	// ---- reporting

	private void report(int roundCount, int seconds, int poolSize, JdbcTemplate jdbc) {
		this.out.println();
		this.out.printf("W1 referral lifecycle (open, screen, confirm, decide, consent, risk x2, plan, approve, hand-off"
				+ " accepted, delivered, closed: %d tasks), %d clients, %d rounds of %d s per variant after a ramp of %d s"
				+ " each, warm-up %d lifecycles per client, polls every %d ms; database pool %d per node and for the bare"
				+ " engine%n", STEPS.size(), CLIENTS, roundCount, seconds, RAMP_SECONDS, WARM_UP, POLL_MS, poolSize);
		this.out.println();
		this.out.printf("| %-9s | %10s | %5s | %12s | %-20s | %7s | %15s | %15s | %11s |%n", "variant", "lifecycles", "s",
				"lifecycles/s", "per round", "tasks/s", "lifecycle p50 s", "lifecycle p95 s", "polls/cycle");
		this.out.println("|---|---|---|---|---|---|---|---|---|");
		for (String variant : this.rounds.keySet()) {
			List<Long> cycles = this.lifecycles.getOrDefault(variant, List.of());
			StringBuilder perRound = new StringBuilder();
			this.rounds.get(variant).forEach(round -> perRound.append(perRound.isEmpty() ? "" : " ")
				.append(String.format("%.2f", round[0] / round[1])));
			double ended = sum(variant, 0);
			this.out.printf("| %-9s | %10.0f | %5.0f | %12.2f | %-20s | %7.2f | %15.2f | %15.2f | %11.1f |%n", variant,
					ended, sum(variant, 1), throughput(variant, 0), perRound, throughput(variant, 2),
					cycles.isEmpty() ? Double.NaN : BenchRun.ms(cycles, 50) / 1000,
					cycles.isEmpty() ? Double.NaN : BenchRun.ms(cycles, 95) / 1000,
					ended == 0 ? Double.NaN : this.polls.get(variant)[0] / ended);
		}
		this.out.println();
		ratio("two nodes", "one node", "two nodes / one node:", "target at least 1.7");
		ratio("one node", "bare", "one node / bare (its Java API, in this JVM):", "target at least 0.8");
		ratio("one node", "bare REST", "one node / bare behind its REST API:       ", "target at least 0.8");
		this.out.println();
		this.out.printf("| %-9s | %15s | %15s | %15s | %14s | %14s |%n", "variant", "JVM ms/cycle", "PostgreSQL ms/cycle",
				"total ms/cycle", "JVM cores", "PostgreSQL cores");
		this.out.println("|---|---|---|---|---|---|");
		this.cpu.forEach((variant, use) -> {
			double ended = sum(variant, 0);
			double windows = sum(variant, 1);
			this.out.printf("| %-9s | %15.0f | %15.0f | %15.0f | %14.2f | %14.2f |%n", variant,
					use.jvmNanos() / 1e6 / ended, use.postgresNanos() / 1e6 / ended,
					(use.jvmNanos() + use.postgresNanos()) / 1e6 / ended, use.jvmNanos() / 1e9 / windows,
					use.postgresNanos() / 1e9 / windows);
		});
		this.out.println("CPU time in the windows, per lifecycle ended in them and as cores busy on average: the JVM's"
				+ " (the variant's nodes or bare engine, and its 8 clients; the other variants idle) and PostgreSQL's"
				+ " (all its processes).");
		this.out.println();
		this.out.printf("| %-9s | %-11s | %6s | %7s | %7s | %7s |%n", "variant", "call", "n", "p50 ms", "p95 ms", "p99 ms");
		this.out.println("|---|---|---|---|---|---|");
		this.calls.forEach((variant, kinds) -> KINDS.forEach(kind -> {
			List<Long> times = kinds.getOrDefault(kind, List.of());
			if (!times.isEmpty()) {
				this.out.printf("| %-9s | %-11s | %6d | %7.1f | %7.1f | %7.1f |%n", variant, kind, times.size(),
						BenchRun.ms(times, 50), BenchRun.ms(times, 95), BenchRun.ms(times, 99));
			}
		}));
		this.out.println();
		this.out.println("lifecycles/s counts the lifecycles that ended in the windows; tasks/s the tasks completed in them"
				+ " (11 per lifecycle), which a window shorter than many lifecycles counts more steadily. \"list tasks\""
				+ " includes the looks that found the next task not there yet (polls/cycle). On \"bare\" every call is"
				+ " a Java API call in this JVM, without HTTP; \"bare REST\" is the same engine behind Camunda's REST API,"
				+ " called over HTTP with HTTP Basic. All nodes share this JVM and its cores.");
		this.out.println(BenchRun.machine(jdbc));
	}

	private void ratio(String variant, String against, String label, String target) {
		if (this.rounds.containsKey(variant) && this.rounds.containsKey(against)) {
			this.out.printf("%s %.2f lifecycles/s, %.2f tasks/s (%s)%n", label,
					throughput(variant, 0) / throughput(against, 0), throughput(variant, 2) / throughput(against, 2),
					target);
		}
	}

	/** What each database holds at the end: every case closed, nothing failed. */
	private void engineState(EmbeddedPostgres postgres) {
		this.out.println();
		for (String database : measuredDatabases()) {
			JdbcTemplate jdbc = new JdbcTemplate(postgres.getDatabase("postgres", database));
			this.out.printf("%s database: %d case processes ended of %d started, %d open tasks, %d incidents, %d jobs"
					+ " that failed at least once%n", database,
					count(jdbc, "select count(*) from act_hi_procinst where proc_def_key_ = 'NrmCase' and end_time_ is not null"),
					count(jdbc, "select count(*) from act_hi_procinst where proc_def_key_ = 'NrmCase'"),
					count(jdbc, "select count(*) from act_ru_task"), count(jdbc, "select count(*) from act_ru_incident"),
					count(jdbc, "select count(*) from act_ru_job where exception_msg_ is not null"));
		}
		this.out.println("(the service's databases also hold the demo profile's cases, which wait at their steps)");
	}

	/** Where each database's time went, by statement, per case process started on it (pg_stat_statements). */
	private void statements(EmbeddedPostgres postgres, int limit) {
		JdbcTemplate admin = new JdbcTemplate(postgres.getPostgresDatabase());
		admin.execute("create extension if not exists pg_stat_statements");
		for (String database : measuredDatabases()) {
			List<Map<String, Object>> top = admin.queryForList("""
					select s.total_exec_time as ms, s.calls, left(regexp_replace(s.query, '\\s+', ' ', 'g'), 200) as query
					from pg_stat_statements s join pg_database d on d.oid = s.dbid
					where d.datname = ? order by s.total_exec_time desc limit ?""", database, limit);
			if (top.isEmpty()) {
				continue;
			}
			double total = admin.queryForObject("""
					select coalesce(sum(s.total_exec_time), 0) from pg_stat_statements s
					join pg_database d on d.oid = s.dbid where d.datname = ?""", Double.class, database);
			long cases = new JdbcTemplate(postgres.getDatabase("postgres", database))
				.queryForObject("select count(*) from act_hi_procinst where proc_def_key_ = 'NrmCase'", Long.class);
			this.out.printf("%n%s: statements' execution %.1f ms per case process started (%d); the top %d, as ms and"
					+ " calls per case:%n", database, total / cases, cases, limit);
			top.forEach(row -> this.out.printf("%8.2f %6.1f  %s%n", ((Number) row.get("ms")).doubleValue() / cases,
					((Number) row.get("calls")).doubleValue() / cases, row.get("query")));
		}
	}

	/**
	 * Vacuums and analyses each variant's database after the warm-up, as autovacuum would have long since done on a
	 * database in use: the databases are new, and without it the planner works on tables it has no statistics of, and
	 * autovacuum's first passes over every new table fall into the first round, whichever variant that measures.
	 */
	private static void analysed(EmbeddedPostgres postgres, List<Driver> drivers) {
		long start = System.nanoTime();
		Set<String> databases = new LinkedHashSet<>();
		drivers.forEach(driver -> databases.add(DATABASES.get(driver.name())));
		for (String database : databases) {
			new JdbcTemplate(postgres.getDatabase("postgres", database)).execute("vacuum analyze");
		}
		BenchRun.log("vacuumed and analysed " + databases + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
	}

	/** The databases of the variants measured. */
	private List<String> measuredDatabases() {
		return this.rounds.keySet().stream().map(DATABASES::get).toList();
	}

	private static List<String> variants(String names) {
		List<String> variants = List.of(names.split("\\s*,\\s*"));
		if (!DATABASES.keySet().containsAll(variants)) {
			throw new IllegalArgumentException("bench.variants: " + variants + ", not some of " + DATABASES.keySet());
		}
		return variants;
	}

	private static Map<String, String> orderedMap(String... keysAndValues) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	private static long count(JdbcTemplate jdbc, String sql) {
		return jdbc.queryForObject(sql, Long.class);
	}

	/** Per second of the windows: lifecycles ended (column 0) or tasks completed (column 2). */
	private double throughput(String variant, int column) {
		return sum(variant, column) / sum(variant, 1);
	}

	private double sum(String variant, int column) {
		return this.rounds.getOrDefault(variant, List.of()).stream().mapToDouble(round -> round[column]).sum();
	}

	// ---- the two drivers

	/** Our API over HTTP; with several nodes, each request goes to the next node in turn. */
	private static final class Api implements Driver {

		private final String name;

		private final List<String> nodes;

		private final AtomicInteger next = new AtomicInteger();

		private final JsonClient client = new JsonClient();

		Api(String name, List<ConfigurableApplicationContext> nodes) {
			this.name = name;
			this.nodes = nodes.stream()
				.map(node -> "http://localhost:" + node.getEnvironment().getRequiredProperty("local.server.port"))
				.toList();
		}

		@Override
		public String name() {
			return this.name;
		}

		@Override
		public String open() {
			return read(expect(201, "open a case", post("demo-police", "/api/cases", CaseJourney.ADULT_BY_POLICE)))
				.path("reference").asText();
		}

		@Override
		public String findTask(String reference, Step step) {
			BenchRun.Reply tasks = expect(200, "list tasks",
					get(step.userId(), "/api/tasks?maxResults=100&caseReference=" + reference));
			for (JsonNode task : read(tasks).path("tasks")) {
				if (step.taskType().equals(task.path("taskType").asText())) {
					return task.path("id").asText();
				}
			}
			return null;
		}

		@Override
		public void claim(String taskId, Step step) {
			expect(204, "claim " + step.taskType(), post(step.userId(), "/api/tasks/" + taskId + "/claim", null));
		}

		@Override
		public void complete(String taskId, Step step) {
			expect(204, "complete " + step.taskType(),
					post(step.userId(), "/api/tasks/" + taskId + "/complete", step.body()));
		}

		@Override
		public boolean closed(String reference) {
			return "Closed".equals(read(expect(200, "read case", get("demo-social", "/api/cases/" + reference)))
				.path("status").asText());
		}

		private String node() {
			return this.nodes.get(Math.floorMod(this.next.getAndIncrement(), this.nodes.size()));
		}

		private BenchRun.Reply get(String userId, String path) {
			return this.client.get(userId, node() + path);
		}

		private BenchRun.Reply post(String userId, String path, Map<String, Object> body) {
			return this.client.post(userId, node() + path, body);
		}

		private JsonNode read(BenchRun.Reply reply) {
			return this.client.read(reply);
		}
	}

	/** The same steps through Camunda's Java API on the bare engine, as the same users. */
	private static final class Bare implements Driver {

		private final RuntimeService runtime;

		private final TaskService tasks;

		private final HistoryService history;

		private final IdentityService identity;

		private final AtomicInteger opened = new AtomicInteger();

		Bare(BareEngine bare) {
			this.runtime = bare.engine.getRuntimeService();
			this.tasks = bare.engine.getTaskService();
			this.history = bare.engine.getHistoryService();
			this.identity = bare.engine.getIdentityService();
		}

		@Override
		public String name() {
			return "bare";
		}

		/** Starts the case process with what our case registration would set: the intake, ids and routing flags. */
		@Override
		public String open() {
			String reference = String.format("BARE-2026-%06d", this.opened.incrementAndGet());
			as("demo-police", "police", () -> this.runtime.createProcessInstanceByKey(NrmCaseProcess.KEY)
				.businessKey(reference)
				.setVariables(caseVariables(reference))
				.execute());
			return reference;
		}

		/** What our case registration sets on a new case process: the intake, ids and routing flags. */
		static Map<String, Object> caseVariables(String reference) {
			Map<String, Object> variables = new HashMap<>(CaseJourney.ADULT_BY_POLICE);
			variables.put(CaseVariables.CASE_ID, UUID.randomUUID().toString());
			variables.put(CaseVariables.CASE_REFERENCE, reference);
			variables.put(Deadlines.JURISDICTION, "coe");
			variables.put(NrmCaseProcess.Variables.COMPETENT_AUTHORITY, "authority");
			variables.put(NrmCaseProcess.Variables.IS_CHILD, false);
			variables.put(NrmCaseProcess.Variables.AGE_UNCERTAIN, false);
			return variables;
		}

		/** The tasks of the case the user may work on (assigned to them or offered to their group), as our list asks. */
		@Override
		public String findTask(String reference, Step step) {
			for (Task task : this.tasks.createTaskQuery()
				.processInstanceBusinessKey(reference)
				.or()
				.taskAssignee(step.userId())
				.taskCandidateGroupIn(List.of(step.group()))
				.endOr()
				.listPage(0, 100)) {
				if (step.taskType().equals(task.getTaskDefinitionKey())) {
					return task.getId();
				}
			}
			return null;
		}

		@Override
		public void claim(String taskId, Step step) {
			as(step.userId(), step.group(), () -> this.tasks.claim(taskId, step.userId()));
		}

		@Override
		public void complete(String taskId, Step step) {
			as(step.userId(), step.group(), () -> this.tasks.complete(taskId, step.variables()));
		}

		@Override
		public boolean closed(String reference) {
			return this.history.createHistoricProcessInstanceQuery()
				.processDefinitionKey(NrmCaseProcess.KEY)
				.processInstanceBusinessKey(reference)
				.finished()
				.count() == 1;
		}

		private void as(String userId, String group, Runnable call) {
			this.identity.setAuthentication(userId, List.of(group));
			try {
				call.run();
			}
			finally {
				this.identity.clearAuthentication();
			}
		}
	}

	/**
	 * The same steps on the bare engine behind Camunda's REST API ({@link BareRestEngine}), over HTTP as the same users
	 * with HTTP Basic, completing with the same process variables as {@link Bare}.
	 */
	private static final class BareRest implements Driver {

		private final String url;

		private final AtomicInteger opened = new AtomicInteger();

		private final JsonClient client = new JsonClient();

		BareRest(ConfigurableApplicationContext engine) {
			this.url = BareRestEngine.url(engine);
		}

		@Override
		public String name() {
			return "bare REST";
		}

		@Override
		public String open() {
			String reference = String.format("REST-2026-%06d", this.opened.incrementAndGet());
			Map<String, Object> body = map("businessKey", reference, "variables", typed(Bare.caseVariables(reference)));
			expect(200, "start a case", post("demo-police", "/process-definition/key/" + NrmCaseProcess.KEY + "/start",
					body));
			return reference;
		}

		/** The task query {@link Bare} makes, as the REST API takes it. */
		@Override
		public String findTask(String reference, Step step) {
			Map<String, Object> query = map("processInstanceBusinessKey", reference, "orQueries",
					List.of(map("assignee", step.userId(), "candidateGroups", List.of(step.group()))));
			for (JsonNode task : read(expect(200, "list tasks",
					post(step.userId(), "/task?firstResult=0&maxResults=100", query)))) {
				if (step.taskType().equals(task.path("taskDefinitionKey").asText())) {
					return task.path("id").asText();
				}
			}
			return null;
		}

		@Override
		public void claim(String taskId, Step step) {
			expect(204, "claim " + step.taskType(),
					post(step.userId(), "/task/" + taskId + "/claim", map("userId", step.userId())));
		}

		@Override
		public void complete(String taskId, Step step) {
			expect(204, "complete " + step.taskType(),
					post(step.userId(), "/task/" + taskId + "/complete", map("variables", typed(step.variables()))));
		}

		@Override
		public boolean closed(String reference) {
			return read(expect(200, "read case", get("demo-social", "/history/process-instance/count?processDefinitionKey="
					+ NrmCaseProcess.KEY + "&processInstanceBusinessKey=" + reference + "&finished=true")))
				.path("count")
				.asLong() == 1;
		}

		/**
		 * Variables as the REST API types them: strings, flags and numbers as themselves, lists as JSON-serialized
		 * objects (what the Java API stores for them with JSON as the default serialization format).
		 */
		private Map<String, Object> typed(Map<String, Object> variables) {
			Map<String, Object> typed = new LinkedHashMap<>();
			variables.forEach((name, value) -> typed.put(name, typed(name, value)));
			return typed;
		}

		private Map<String, Object> typed(String name, Object value) {
			if (value instanceof List<?> list) {
				return map("value", this.client.write(list), "type", "Object", "valueInfo", map("objectTypeName",
						"java.util.ArrayList<java.lang.String>", "serializationDataFormat", "application/json"));
			}
			if (value instanceof String || value instanceof Boolean || value instanceof Integer
					|| value instanceof Long) {
				return map("value", value, "type", value.getClass().getSimpleName());
			}
			throw new IllegalArgumentException(name + ": no REST type for " + value.getClass());
		}

		private BenchRun.Reply get(String userId, String path) {
			return this.client.get(userId, this.url + path);
		}

		private BenchRun.Reply post(String userId, String path, Map<String, Object> body) {
			return this.client.post(userId, this.url + path, body);
		}

		private JsonNode read(BenchRun.Reply reply) {
			return this.client.read(reply);
		}
	}

	/** JSON over HTTP as a demo user, signed in with HTTP Basic: what both HTTP drivers send. */
	private static final class JsonClient {

		private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

		private final ObjectMapper json = new ObjectMapper();

		BenchRun.Reply get(String userId, String url) {
			return BenchRun.send(this.http, userId,
					HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").GET());
		}

		/** A POST with the body as JSON, or with none if it is null. */
		BenchRun.Reply post(String userId, String url, Map<String, Object> body) {
			return BenchRun.send(this.http, userId, HttpRequest.newBuilder(URI.create(url))
				.header("Accept", "application/json")
				.header("Content-Type", "application/json")
				.POST(body == null ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofString(write(body))));
		}

		JsonNode read(BenchRun.Reply reply) {
			try {
				return this.json.readTree(reply.body());
			}
			catch (IOException ex) {
				throw new IllegalStateException("Not JSON: " + reply.body(), ex);
			}
		}

		String write(Object value) {
			try {
				return this.json.writeValueAsString(value);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

	// ---- bodies and variables

	/** What the screening's sink sets on the process for the adult labour indicators (counts per element). */
	private static Map<String, Object> screeningCounts() {
		return map(VictimIdentificationProcess.Variables.RECRUITMENT_STRONG, 1,
				VictimIdentificationProcess.Variables.RECRUITMENT_MEDIUM, 1,
				VictimIdentificationProcess.Variables.RECRUITMENT_WEAK, 0,
				VictimIdentificationProcess.Variables.EXPLOITATION_STRONG, 1,
				VictimIdentificationProcess.Variables.EXPLOITATION_MEDIUM, 1,
				VictimIdentificationProcess.Variables.EXPLOITATION_WEAK, 0,
				VictimIdentificationProcess.Variables.COERCION_STRONG, 2,
				VictimIdentificationProcess.Variables.COERCION_MEDIUM, 0,
				VictimIdentificationProcess.Variables.COERCION_WEAK, 0, VictimIdentificationProcess.Variables.CHECKLIST,
				"labour-exploitation-adult", VictimIdentificationProcess.Variables.CHECKLIST_VERSION, 1);
	}

	/** Consent to referral and services, to sharing with social services, NGOs and health, not to police cooperation. */
	private static Map<String, Object> consent() {
		return map("consentToReferral", true, NrmCaseProcess.Variables.CONSENT_TO_SERVICES, true,
				NrmCaseProcess.Variables.CONSENT_TO_SHARE_WITH, List.of("social", "ngo", "health"),
				NrmCaseProcess.Variables.CONSENT_TO_POLICE_COOPERATION, false);
	}

	/** Legal aid only: one hand-off, to an NGO, with no gate before it. */
	private static Map<String, Object> plan() {
		return map(AssistancePlanProcess.Variables.PLANNED_SERVICES, List.of("LegalAid"),
				AssistancePlanProcess.Variables.WRITTEN_WITH, "Person", AssistancePlanProcess.Variables.PLAN_REFERENCE,
				"PLAN/1");
	}

	private static Map<String, Object> closure() {
		return map(NrmCaseProcess.Variables.CASE_STATUS, "Closed", NrmCaseProcess.Variables.REASON_FOR_CASE_CLOSURE,
				"ServicesCompleted");
	}

	private static Map<String, Object> map(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	private static BenchRun.Reply expect(int status, String what, BenchRun.Reply reply) {
		if (reply.status() != status) {
			throw new IllegalStateException(what + ": " + reply.status() + " " + reply.body());
		}
		return reply;
	}

	private static void sleep(long ms) {
		try {
			Thread.sleep(ms);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
