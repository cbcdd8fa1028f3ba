package org.opennrm.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.opennrm.cases.AgeGroup;
import org.opennrm.casework.NrmCaseProcess;
import org.opennrm.casework.OpenCase;
import org.opennrm.identification.SuspectedExploitation;
import org.opennrm.security.RunAs;
import org.opennrm.tasks.FormValues;
import org.opennrm.test.Api;
import org.opennrm.test.ServiceRuns;
import org.opennrm.test.WebappSession;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Workload W3 of {@code BENCHMARKS.md}: a caseworker's task list, first page (15) plus count, with engine authorization
 * on, side by side with the same query with it off, on a real PostgreSQL.
 * <p>
 * Starts an embedded PostgreSQL and the whole service on it (demo profile, so the demo caseworkers exist), opens the
 * given number of cases through the engine as a worker of the referring agency (each case waits at
 * {@code Task_ScreenIndicators} for that agency's group, and the engine writes one authorization row per task), lets
 * a few workers claim some of them, warms up, and then measures in alternating rounds, for a caseworker of a middling
 * group and one of the group holding most tasks:
 * <ul>
 * <li><b>ours, authorization on</b>: {@code GET /api/tasks?maxResults=15} over HTTP, as the caseworker;</li>
 * <li><b>ours, authorization off</b>: the same request with the engine's authorization switched off for that
 * round;</li>
 * <li><b>bare, authorization on / off</b>: the same task query (count, then first page in the same order) through
 * Camunda's Java API with no application layer, as the caseworker or with no authenticated user.</li>
 * </ul>
 * Both sides must find the same tasks; the benchmark stops if they do not. Not a test: nothing here fails on a slow
 * run. Run it with {@code src/bench/tasklist/measure.sh}.
 */
public final class TaskListBenchmark {

	/** The agencies that receive new cases, with their share of the cases: one group clearly holds the most. */
	static final Map<String, Integer> SHARE = share();

	/** A caseworker of a middling group, and one of the group holding most tasks. */
	static final List<String> MEASURED = List.of("demo-ngo", "demo-police");

	static final int PAGE = 15;

	static final int BATCH = 25;

	/** Calls of each variant before measuring ({@code -Dbench.warm-up}). */
	static final int WARM_UP = Integer.getInteger("bench.warm-up", 20);

	/**
	 * Calls of the engine's stock statement per round and before measuring ({@code -Dbench.stock-samples}, default
	 * as many as the others): at 100,000 cases one stock call takes minutes, and a few samples tell that apart.
	 */
	static final Integer STOCK_SAMPLES = Integer.getInteger("bench.stock-samples");

	/**
	 * Where Tasklist's call spends its time instead of the timing table ({@code -Dbench.breakdown}, see
	 * {@link #breakdown}).
	 */
	static final boolean BREAKDOWN = Boolean.getBoolean("bench.breakdown");

	private final ConfigurableApplicationContext service;

	private final ProcessEngineConfigurationImpl engine;

	private final TaskService taskService;

	private final IdentityService identityService;

	private final JdbcTemplate jdbc;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final ObjectMapper json = new ObjectMapper();

	private final String baseUrl;

	private final Map<String, List<Long>> samples = new LinkedHashMap<>();

	/** The engine's statement names as the service maps them (our EXISTS overlay, ADR 30), and without the overlay. */
	private final Map<String, String> existsStatements;

	private final Map<String, String> stockStatements;

	/** Signed-in Tasklist sessions per caseworker, as a browser holds one. */
	private final Map<String, Tasklist> tasklists = new HashMap<>();

	/** The results: to the terminal, and to the file {@code bench.results} names, if any. */
	private final PrintStream out;

	private TaskListBenchmark(ConfigurableApplicationContext service, PrintStream out) {
		this.service = service;
		this.out = out;
		this.engine = (ProcessEngineConfigurationImpl) service.getBean(ProcessEngineConfiguration.class);
		this.taskService = service.getBean(TaskService.class);
		this.identityService = service.getBean(IdentityService.class);
		this.jdbc = new JdbcTemplate(service.getBean(DataSource.class));
		this.baseUrl = "http://localhost:" + service.getEnvironment().getRequiredProperty("local.server.port");
		this.existsStatements = new HashMap<>(this.engine.getDbSqlSessionFactory().getStatementMappings());
		this.stockStatements = new HashMap<>(this.existsStatements);
		// The engine as shipped: without any of the overlay's statements (ADR 30), whichever it maps.
		this.stockStatements.values()
			.removeIf(ours -> ours.startsWith("org.opennrm.platform.internal.TaskQueryAuthorization."));
		if (this.existsStatements.equals(this.stockStatements)) {
			throw new IllegalStateException("The service does not map the task query to its EXISTS statements");
		}
	}

	public static void main(String[] args) throws Exception {
		int cases = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
		int perRound = args.length > 2 ? Integer.parseInt(args[2]) : 20;
		Integer explainMs = Integer.getInteger("bench.explain-ms");
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
		Path plans = null;
		if (BREAKDOWN) {
			builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
		}
		if (explainMs != null) {
			// Where the time goes: PostgreSQL logs the plan (with actual times) of every statement slower than this.
			plans = Files.createDirectories(Path.of("target", "bench-tasklist")).toAbsolutePath();
			builder.setServerConfig("shared_preload_libraries", "auto_explain,pg_stat_statements")
				.setServerConfig("auto_explain.log_min_duration", explainMs + "ms")
				.setServerConfig("auto_explain.log_analyze", "on")
				.setServerConfig("auto_explain.log_buffers", "on")
				.setServerConfig("logging_collector", "on")
				.setServerConfig("log_directory", plans.toString())
				.setServerConfig("log_filename", "postgresql.log");
		}
		try (EmbeddedPostgres postgres = builder.start();
				ConfigurableApplicationContext service = ServiceRuns.start("demo",
						Map.of("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
								"spring.datasource.username", "postgres", "spring.datasource.password", "postgres",
								// Tasklist's own calls are measured too; the webapps serve the engine named "default".
								"camunda.bpm.webapp.enabled", true, "camunda.bpm.process-engine-name", "default"))) {
			TaskListBenchmark bench = new TaskListBenchmark(service, BenchRun.results());
			BenchRun.log("service up on " + bench.baseUrl + ", PostgreSQL at " + postgres.getJdbcUrl("postgres", "postgres"));
			bench.openCases(cases);
			bench.claimSome();
			bench.jdbc.execute("analyze");
			// OPEN_ONLY measures nothing: the cases stay open for a person to look at Tasklist on them.
			boolean openOnly = Boolean.getBoolean("bench.open-only");
			if (BREAKDOWN) {
				bench.warmUp();
				bench.breakdown(rounds * perRound);
			}
			else if (!openOnly) {
				bench.measureAndReport(cases, rounds, perRound, explainMs, plans);
			}
			if (openOnly || Boolean.getBoolean("bench.hold")) {
				System.out.println("holding: " + cases + " cases open; Tasklist at " + bench.baseUrl
						+ "/camunda/app/tasklist/ (demo-ngo, demo-police, ... with the demo password), PostgreSQL at "
						+ postgres.getJdbcUrl("postgres", "postgres") + "; press Enter to stop");
				System.in.read();
			}
		}
		System.exit(0);
	}

	private void measureAndReport(int cases, int rounds, int perRound, Integer explainMs, Path plans) {
		if (explainMs != null) {
			this.jdbc.execute("create extension if not exists pg_stat_statements");
			this.jdbc.execute("select pg_stat_statements_reset()");
		}
		warmUp();
		measure(rounds, perRound);
		report(cases, rounds, perRound);
		if (explainMs != null) {
			topStatements();
			this.out.println("plans of statements slower than " + explainMs + " ms: " + plans.resolve("postgresql.log"));
		}
	}

	// ---- data, built through the engine as the users who would do it

	/** Opens the cases as a worker of each referring agency, in batches of one transaction each, two at a time. */
	private void openCases(int count) throws Exception {
		RunAs runAs = this.service.getBean(RunAs.class);
		RuntimeService runtimeService = this.service.getBean(RuntimeService.class);
		FormValues formValues = this.service.getBean(FormValues.class);
		TransactionTemplate transaction = new TransactionTemplate(this.service.getBean(PlatformTransactionManager.class));
		List<String> agencies = new ArrayList<>();
		SHARE.forEach((agency, percent) -> agencies.addAll(Collections.nCopies(percent, agency)));
		SuspectedExploitation[] forms = SuspectedExploitation.values();
		OpenCase.ContactSetting[] settings = OpenCase.ContactSetting.values();
		AtomicInteger opened = new AtomicInteger();
		long start = System.nanoTime();
		ExecutorService workers = Executors.newFixedThreadPool(2);
		List<Future<?>> batches = new ArrayList<>();
		for (int first = 0; first < count; first += BATCH) {
			int from = first;
			int to = Math.min(count, first + BATCH);
			batches.add(workers.submit(() -> {
				for (int i = from; i < to; i++) {
					String agency = agencies.get(i % agencies.size());
					OpenCase intake = new OpenCase(agency, settings[i % settings.length],
							i % 7 == 0 ? AgeGroup.Child : AgeGroup.Adult, forms[i % forms.length], i % 3 == 0,
							i % 4 == 0);
					Map<String, Object> variables = formValues.fromRecord(intake).variables();
					runAs.user("demo-" + agency, () -> transaction.executeWithoutResult(status -> runtimeService
						.createProcessInstanceByKey(NrmCaseProcess.KEY)
						.setVariables(variables)
						.execute()));
				}
				int done = opened.addAndGet(to - from);
				if (done % 1000 < BATCH) {
					BenchRun.log("opened " + done + " cases");
				}
			}));
		}
		for (Future<?> batch : batches) {
			batch.get();
		}
		workers.shutdown();
		BenchRun.log("opened " + count + " cases in " + (System.nanoTime() - start) / 1_000_000_000 + " s");
	}

	/**
	 * Some tasks are claimed, as in a working day: the measured caseworkers hold 2 % of their group's tasks (they see
	 * them as assignee), a colleague holds 10 % (the caseworker no longer sees those).
	 */
	private void claimSome() {
		RunAs runAs = this.service.getBean(RunAs.class);
		for (String agency : SHARE.keySet()) {
			String colleague = "bench-" + agency + "-colleague";
			if (this.identityService.createUserQuery().userId(colleague).count() == 0) {
				User user = this.identityService.newUser(colleague);
				user.setFirstName("Colleague");
				user.setLastName(agency);
				user.setPassword(Api.DEMO_PASSWORD);
				this.identityService.saveUser(user);
				this.identityService.createMembership(colleague, agency);
			}
			List<Task> open = this.taskService.createTaskQuery().taskCandidateGroup(agency).orderByTaskCreateTime().asc()
				.list();
			for (int i = 0; i < open.size(); i++) {
				String taskId = open.get(i).getId();
				if (i % 50 == 0) {
					runAs.user("demo-" + agency, () -> this.taskService.claim(taskId, "demo-" + agency));
				}
				else if (i % 10 == 1) {
					runAs.user(colleague, () -> this.taskService.claim(taskId, colleague));
				}
			}
		}
		BenchRun.log("claimed some tasks");
	}

	// ---- the four ways of asking

	private record Page(long total, List<String> ids) {

		/**
		 * A page sorted on creation time alone, as Tasklist sorts it: tasks created in the same millisecond (a case's
		 * parallel tasks) may come in either order from two correct statements, so they are compared as a set, and
		 * those sharing the last time on the page by that time and their number (which of them make the page may
		 * differ too).
		 */
		static Page sortedByCreation(long total, List<Map.Entry<String, String>> createdAndIds) {
			if (createdAndIds.stream().anyMatch(task -> task.getKey().isBlank())) {
				throw new IllegalStateException("A task of Tasklist's page without its creation time: " + createdAndIds);
			}
			String last = createdAndIds.isEmpty() ? null : createdAndIds.get(createdAndIds.size() - 1).getKey();
			Map<String, SortedSet<String>> byTime = new LinkedHashMap<>();
			createdAndIds.forEach(task -> byTime.computeIfAbsent(task.getKey(), time -> new TreeSet<>())
				.add(task.getValue()));
			return new Page(total, byTime.entrySet().stream()
				.map(time -> time.getKey().equals(last) ? time.getValue().size() + " created " + last
						: time.getValue().toString())
				.toList());
		}
	}

	/** Our API over HTTP as the caseworker; with engine authorization on or off for this call. */
	private Page ours(String userId, boolean authorization) {
		this.engine.setAuthorizationEnabled(authorization);
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + "/api/tasks?maxResults=" + PAGE))
				.header("Authorization", "Basic " + Base64.getEncoder()
					.encodeToString((userId + ":" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
				.GET()
				.build();
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("GET /api/tasks as " + userId + ": " + response.statusCode());
			}
			JsonNode page = this.json.readTree(response.body());
			List<String> ids = new ArrayList<>();
			page.path("tasks").forEach(task -> ids.add(task.path("id").asText()));
			return new Page(page.path("total").asLong(), ids);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		finally {
			this.engine.setAuthorizationEnabled(true);
		}
	}

	/** The same task query through Camunda's Java API, as the caseworker (authorization on) or as no one (off). */
	private Page bare(String userId, List<String> groups, boolean authorization) {
		if (authorization) {
			this.identityService.setAuthentication(userId, groups);
		}
		try {
			TaskQuery query = this.taskService.createTaskQuery()
				.or()
				.taskAssignee(userId)
				.taskCandidateGroupIn(groups)
				.endOr();
			long total = query.count();
			List<String> ids = query.orderByTaskPriority()
				.desc()
				.orderByDueDate()
				.asc()
				.orderByTaskCreateTime()
				.asc()
				// As our statement and our API's engine query break ties.
				.orderByTaskId()
				.asc()
				.listPage(0, PAGE)
				.stream()
				.map(Task::getId)
				.toList();
			return new Page(total, ids);
		}
		finally {
			this.identityService.clearAuthentication();
		}
	}

	/** A browser's session with Tasklist: signed in once, then the calls Tasklist makes with its cookie and token. */
	private final class Tasklist {

		private final java.net.CookieManager cookies = new java.net.CookieManager();

		private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(this.cookies).build();

		private final String filterId;

		Tasklist(String userId) {
			// Signed in on the service's sign-in page as a person is (issue 14), then Tasklist's calls with that session.
			WebappSession session = WebappSession.signIn(Api.on(TaskListBenchmark.this.service.getEnvironment()),
					"tasklist", userId, Api.DEMO_PASSWORD);
			session.cookies().forEach(cookie -> this.cookies.getCookieStore()
				.add(URI.create(TaskListBenchmark.this.baseUrl), cookie));
			send("GET", "/camunda/api/admin/auth/user/default", null, null);
			String group = userId.substring("demo-".length());
			String found = null;
			for (JsonNode filter : readJson(send("GET",
					"/camunda/api/engine/engine/default/filter?resourceType=Task&firstResult=0&maxResults=100", null, null))) {
				if (group.equals(filter.path("properties").path("nrmGroup").asText())) {
					found = filter.path("id").asText();
				}
			}
			if (found == null) {
				throw new IllegalStateException("No Tasklist filter of group " + group);
			}
			this.filterId = found;
		}

		/** What Tasklist sends when a caseworker opens their group's filter: the first page (HAL) and the count. */
		Page firstPage() {
			String body = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
					+ "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";
			JsonNode list = readJson(send("POST", "/camunda/api/engine/engine/default/filter/" + this.filterId
					+ "/list?firstResult=0&maxResults=" + PAGE, body, "application/json"));
			JsonNode count = readJson(send("POST", "/camunda/api/engine/engine/default/filter/" + this.filterId
					+ "/count", body, "application/json"));
			List<Map.Entry<String, String>> tasks = new ArrayList<>();
			list.path("_embedded").path("task")
				.forEach(task -> tasks.add(Map.entry(task.path("created").asText(), task.path("id").asText())));
			return Page.sortedByCreation(count.path("count").asLong(), tasks);
		}

		private HttpResponse<String> send(String method, String path, String body, String contentType) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TaskListBenchmark.this.baseUrl + path))
				.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
				.header("Accept", "application/hal+json, application/json, text/plain, */*");
			if (contentType != null) {
				request.header("Content-Type", contentType);
			}
			this.cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
				.findFirst().ifPresent(cookie -> request.header("X-XSRF-TOKEN", cookie.getValue()));
			try {
				HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() >= 400) {
					throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
				}
				return response;
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		private JsonNode readJson(HttpResponse<String> response) {
			try {
				return TaskListBenchmark.this.json.readTree(response.body());
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

	/**
	 * Tasklist's own first page and count of the caseworker's group filter, over the webapps' engine API: with our
	 * EXISTS statements (authorization on), with the engine's stock statement (authorization on), or with
	 * authorization off.
	 */
	private Page tasklist(String userId, boolean authorization, boolean exists) {
		Tasklist tasklist = this.tasklists.computeIfAbsent(userId, Tasklist::new);
		this.engine.setAuthorizationEnabled(authorization);
		this.engine.getDbSqlSessionFactory().setStatementMappings(exists ? this.existsStatements : this.stockStatements);
		try {
			return tasklist.firstPage();
		}
		finally {
			this.engine.getDbSqlSessionFactory().setStatementMappings(this.existsStatements);
			this.engine.setAuthorizationEnabled(true);
		}
	}

	private Map<String, Supplier<Page>> variants(String userId) {
		List<String> groups = this.identityService.createGroupQuery().groupMember(userId).list().stream()
			.map(group -> group.getId())
			.sorted()
			.toList();
		Map<String, Supplier<Page>> variants = new LinkedHashMap<>();
		variants.put(key("ours", true, userId), () -> ours(userId, true));
		variants.put(key("ours", false, userId), () -> ours(userId, false));
		variants.put(key("bare", true, userId), () -> bare(userId, groups, true));
		variants.put(key("bare", false, userId), () -> bare(userId, groups, false));
		if (!Boolean.getBoolean("bench.api-only")) {
			variants.put("tasklist exists auth on " + userId, () -> tasklist(userId, true, true));
			if (!BREAKDOWN) {
				// Minutes a call at 100,000 cases, and not what a breakdown looks at.
				variants.put("tasklist stock auth on " + userId, () -> tasklist(userId, true, false));
			}
			variants.put("tasklist auth off " + userId, () -> tasklist(userId, false, true));
		}
		return variants;
	}

	private static String key(String side, boolean authorization, String userId) {
		return side + " auth " + (authorization ? "on" : "off") + " " + userId;
	}

	// ---- measuring

	/** Until the JIT and PostgreSQL's caches settle; and a check that every way of asking finds the same tasks. */
	private void warmUp() {
		for (String userId : MEASURED) {
			Map<String, Page> first = new HashMap<>();
			variants(userId).forEach((name, variant) -> {
				for (int i = 0; i < samplesOf(name, WARM_UP); i++) {
					variant.get();
				}
				first.put(name, variant.get());
			});
			// Our API and the bare query ask one question; Tasklist's filter (its group's tasks) asks its own, three ways.
			if (first.entrySet().stream().filter(entry -> !entry.getKey().startsWith("tasklist")).map(Map.Entry::getValue)
				.distinct().count() != 1) {
				throw new IllegalStateException("The ways of asking disagree for " + userId + ": " + first);
			}
			if (first.entrySet().stream().filter(entry -> entry.getKey().startsWith("tasklist")).map(Map.Entry::getValue)
				.distinct().count() > 1) {
				throw new IllegalStateException("Tasklist's ways of asking disagree for " + userId + ": " + first);
			}
			BenchRun.log(userId + " sees " + first.values().iterator().next().total() + " tasks, on every path");
		}
	}

	/** Rounds of each variant in turn, the order rotating each round so that drift hits all of them alike. */
	private void measure(int rounds, int perRound) {
		List<Map.Entry<String, Supplier<Page>>> all = new ArrayList<>();
		MEASURED.forEach(userId -> all.addAll(variants(userId).entrySet()));
		all.forEach(entry -> this.samples.put(entry.getKey(), new ArrayList<>()));
		for (int round = 0; round < rounds; round++) {
			for (int v = 0; v < all.size(); v++) {
				Map.Entry<String, Supplier<Page>> variant = all.get((v + round) % all.size());
				List<Long> times = this.samples.get(variant.getKey());
				for (int i = 0; i < samplesOf(variant.getKey(), perRound); i++) {
					long start = System.nanoTime();
					variant.getValue().get();
					times.add(System.nanoTime() - start);
				}
			}
			BenchRun.log("round " + (round + 1) + " of " + rounds);
		}
	}

	private static int samplesOf(String variant, int others) {
		return variant.contains(" stock ") && STOCK_SAMPLES != null ? Math.min(STOCK_SAMPLES, others) : others;
	}

	// ---- reporting

	private void report(int cases, int rounds, int perRound) {
		this.out.println();
		this.out.printf("W3 task list, first page (%d) plus count: %d cases opened, %d open tasks, %d authorization rows;"
				+ " %d rounds of %d per variant%n", PAGE, cases, count("select count(*) from act_ru_task"),
				count("select count(*) from act_ru_authorization"), rounds, perRound);
		this.out.print("open tasks by candidate group:");
		this.jdbc.query("select i.group_id_, count(*) from act_ru_identitylink i join act_ru_task t on t.id_ = i.task_id_"
				+ " where i.type_ = 'candidate' group by i.group_id_ order by 2 desc",
				(java.sql.ResultSet rs) -> {
					this.out.print(" " + rs.getString(1) + " " + rs.getLong(2));
				});
		this.out.println();
		this.out.printf("| %-34s | %4s | %7s | %7s | %7s | %6s |%n", "workload", "n", "p50 ms", "p95 ms", "p99 ms",
				"req/s");
		this.out.println("|---|---|---|---|---|---|");
		this.samples.forEach((name, times) -> this.out.printf("| %-34s | %4d | %7.1f | %7.1f | %7.1f | %6.1f |%n", name,
				times.size(), BenchRun.ms(times, 50), BenchRun.ms(times, 95), BenchRun.ms(times, 99),
				times.size() / (times.stream().mapToLong(Long::longValue).sum() / 1e9)));
		this.out.println();
		// The target of the issue: ours with authorization on against the bare engine with it off.
		this.out.printf("| %-12s | %-27s | %-27s | %-27s | %-27s |%n", "caseworker", "ours on / bare off p50, p95",
				"ours on / ours off p50, p95", "bare on / bare off p50, p95", "ours on / bare on p50, p95");
		this.out.println("|---|---|---|---|---|");
		for (String userId : MEASURED) {
			this.out.printf("| %-12s | %12.2f, %12.2f | %12.2f, %12.2f | %12.2f, %12.2f | %12.2f, %12.2f |%n", userId,
					ratio("ours", true, "bare", false, userId, 50), ratio("ours", true, "bare", false, userId, 95),
					ratio("ours", true, "ours", false, userId, 50), ratio("ours", true, "ours", false, userId, 95),
					ratio("bare", true, "bare", false, userId, 50), ratio("bare", true, "bare", false, userId, 95),
					ratio("ours", true, "bare", true, userId, 50), ratio("ours", true, "bare", true, userId, 95));
		}
		if (!Boolean.getBoolean("bench.api-only")) {
			this.out.println();
			this.out.printf("| %-12s | %-33s | %-33s |%n", "caseworker", "Tasklist exists / auth off p50, p95",
					"Tasklist stock / exists p50, p95");
			this.out.println("|---|---|---|");
			for (String userId : MEASURED) {
				List<Long> exists = this.samples.get("tasklist exists auth on " + userId);
				List<Long> stock = this.samples.get("tasklist stock auth on " + userId);
				List<Long> off = this.samples.get("tasklist auth off " + userId);
				this.out.printf("| %-12s | %15.2f, %15.2f | %15.2f, %15.2f |%n", userId,
						BenchRun.ms(exists, 50) / BenchRun.ms(off, 50), BenchRun.ms(exists, 95) / BenchRun.ms(off, 95),
						BenchRun.ms(stock, 50) / BenchRun.ms(exists, 50), BenchRun.ms(stock, 95) / BenchRun.ms(exists, 95));
			}
		}
		this.out.println();
		this.out.printf("machine: %d cores, %d GiB, Java %s, PostgreSQL %s, %s%n",
				Runtime.getRuntime().availableProcessors(), BenchRun.memoryGiB(), System.getProperty("java.version"),
				this.jdbc.queryForObject("show server_version", String.class), LocalDate.now());
	}

	/** Where the database time went, by statement (pg_stat_statements). */
	private void topStatements() {
		this.out.println();
		this.out.println("top statements by total time (ms total, calls, ms mean):");
		this.jdbc.query("select total_exec_time, calls, mean_exec_time, left(regexp_replace(query, '\\s+', ' ', 'g'), 300)"
				+ " from pg_stat_statements order by total_exec_time desc limit 8", (java.sql.ResultSet rs) -> {
					this.out.printf("%10.0f %6d %8.2f  %s%n", rs.getDouble(1), rs.getLong(2), rs.getDouble(3),
							rs.getString(4));
				});
	}

	/**
	 * Where a Tasklist call's time goes (BREAKDOWN=1): its wall time with authorization on and off, the database's part
	 * of it, and that part statement by statement, per call (pg_stat_statements, reset before each variant). The
	 * database's part is execution only (planning, binding and the round trips count as outside it) and includes
	 * whatever else the service ran meanwhile (its job executor); the calls of a variant run one after the other, not
	 * alternating with the other variant, so compare means of many calls.
	 */
	private void breakdown(int calls) {
		this.jdbc.execute("create extension if not exists pg_stat_statements");
		for (String userId : MEASURED) {
			for (boolean authorization : List.of(true, false)) {
				this.jdbc.execute("select pg_stat_statements_reset()");
				long start = System.nanoTime();
				for (int i = 0; i < calls; i++) {
					tasklist(userId, authorization, true);
				}
				double wall = (System.nanoTime() - start) / 1e6 / calls;
				String others = " where query not like '%pg_stat_statements%'";
				double database = this.jdbc.queryForObject("select coalesce(sum(total_exec_time), 0) from pg_stat_statements"
						+ others, Double.class) / calls;
				this.out.printf("%nTasklist of %s, authorization %s, %d calls: %.1f ms per call, of which %.1f ms in the"
						+ " database; by statement (ms per call, statements per call):%n", userId,
						authorization ? "on" : "off", calls, wall, database);
				this.jdbc.query("select total_exec_time, calls, left(regexp_replace(query, '\\s+', ' ', 'g'), 400)"
						+ " from pg_stat_statements" + others + " order by total_exec_time desc limit 12",
						(java.sql.ResultSet rs) -> {
							this.out.printf("%8.2f %6.1f  %s%n", rs.getDouble(1) / calls, rs.getDouble(2) / calls,
									rs.getString(3));
						});
			}
		}
	}

	private double ratio(String a, boolean aOn, String b, boolean bOn, String userId, int percentile) {
		return BenchRun.ms(this.samples.get(key(a, aOn, userId)), percentile) / BenchRun.ms(this.samples.get(key(b, bOn, userId)), percentile);
	}

	private long count(String sql) {
		return this.jdbc.queryForObject(sql, Long.class);
	}

	private static Map<String, Integer> share() {
		Map<String, Integer> share = new LinkedHashMap<>();
		share.put("police", 40);
		share.put("social", 25);
		share.put("ngo", 20);
		share.put("health", 15);
		return share;
	}
}
