package org.opennrm.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.opennrm.assistance.AssistancePlanProcess;
import org.opennrm.casework.NrmCaseProcess;
import org.opennrm.handoff.ServiceHandoffProcess;
import org.opennrm.identification.VictimIdentificationProcess;
import org.opennrm.risk.RiskAssessmentProcess;
import org.opennrm.test.Api;
import org.opennrm.test.CaseJourney;
import org.opennrm.test.ServiceRuns;
import org.opennrm.transnational.IncomingTransnationalReferralProcess;
import org.opennrm.transnational.TransnationalReferralProcess;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 11's target: end-to-end delivery of an approved transnational referral to the accepting peer's task list, p95,
 * within 2x of a local service hand-off on one instance. Both are measured the same way, from the moment the deciding
 * user sends the completion of their task over HTTP until the receiving user's task list ({@code GET /api/tasks}, our
 * API) shows the task that answers it:
 * <ul>
 * <li><b>local hand-off</b> (MK): a supervisor approves an assistance plan with medical care; the case process hands the
 * service over (an asynchronous step run by the job executor) and health services see "Accept or decline the
 * referral";</li>
 * <li><b>transnational</b> (MK to XK): the national coordinator approves a referral to Kosovo; in that transaction the
 * package is sealed and queued, delivered after the commit (signed, encrypted, over HTTP), verified, opened and
 * recorded by XK, which starts its process, and XK's national coordinator sees "Accept or decline the incoming
 * referral".</li>
 * </ul>
 * Two whole instances on their own embedded PostgreSQL, job executors on, in one JVM on the same machine; each sample
 * on a case prepared through the API beforehand; the two sides alternate round by round so drift hits both alike; the
 * receiving side declines each incoming referral after it was timed, so its list stays as short as the local one.
 * Not a test: nothing fails on a slow run. Run it with {@code src/bench/transnational/measure.sh}.
 */
public final class TransnationalDeliveryBenchmark {

	static final int WARM_UP = Integer.getInteger("bench.warm-up", 3);

	static final Map<String, Object> ADULT_BY_POLICE = Api.body("referringAgency", "police", "contactSetting",
			"LabourInspection", "ageGroup", "Adult", "suspectedExploitation", "LabourExploitation", "foreignNational",
			true, "interpreterNeeded", true);

	static final String LOCAL = "local hand-off to a task list";

	static final String ABROAD = "transnational delivery to a task list";

	private final ObjectMapper json = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final String mk;

	private final String xk;

	private final PrintStream out;

	private final Map<String, List<Long>> samples = new LinkedHashMap<>();

	private TransnationalDeliveryBenchmark(String mk, String xk, PrintStream out) {
		this.mk = mk;
		this.xk = xk;
		this.out = out;
	}

	public static void main(String[] args) throws Exception {
		int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
		int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 5;
		Path folder = Files.createTempDirectory("transnational-bench");
		int mkPort = freePort();
		int xkPort = freePort();
		Path peers = folder.resolve("peers.yml");
		Files.writeString(peers, """
				peers:
				  - country: MK
				    base-url: http://localhost:%d
				    keys-file: %s/published/mk.jwks.json
				  - country: XK
				    base-url: http://localhost:%d
				    keys-file: %s/published/xk.jwks.json
				""".formatted(mkPort, folder, xkPort, folder));
		try (EmbeddedPostgres mkDatabase = EmbeddedPostgres.builder().start();
				EmbeddedPostgres xkDatabase = EmbeddedPostgres.builder().start();
				ConfigurableApplicationContext mk = start("MK", mkPort, mkDatabase, folder, peers);
				ConfigurableApplicationContext xk = start("XK", xkPort, xkDatabase, folder, peers)) {
			BenchRun.log("MK on " + mkPort + ", XK on " + xkPort);
			TransnationalDeliveryBenchmark bench = new TransnationalDeliveryBenchmark("http://localhost:" + mkPort,
					"http://localhost:" + xkPort, BenchRun.results());
			int total = WARM_UP + rounds * perRound;
			List<String> local = new ArrayList<>();
			List<String> abroad = new ArrayList<>();
			for (int i = 0; i < total; i++) {
				local.add(bench.waitingForPlanApproval());
				abroad.add(bench.waitingForReferralApproval());
				if ((i + 1) % 5 == 0) {
					BenchRun.log("prepared " + (i + 1) + " of " + total + " cases per side");
				}
			}
			for (int i = 0; i < WARM_UP; i++) {
				bench.local(local.remove(0));
				bench.abroad(abroad.remove(0));
			}
			bench.samples.put(LOCAL, new ArrayList<>());
			bench.samples.put(ABROAD, new ArrayList<>());
			for (int round = 0; round < rounds; round++) {
				boolean localFirst = round % 2 == 0;
				for (int side = 0; side < 2; side++) {
					boolean isLocal = (side == 0) == localFirst;
					for (int i = 0; i < perRound; i++) {
						if (isLocal) {
							bench.samples.get(LOCAL).add(bench.local(local.remove(0)));
						}
						else {
							bench.samples.get(ABROAD).add(bench.abroad(abroad.remove(0)));
						}
					}
				}
				BenchRun.log("round " + (round + 1) + " of " + rounds);
			}
			bench.report(rounds, perRound);
		}
		System.exit(0);
	}

	/** A case on MK whose assistance plan (medical care) waits for the supervisor's approval. */
	private String waitingForPlanApproval() {
		String reference = identifiedAdult();
		complete(this.mk, "demo-social", reference, AssistancePlanProcess.TASK_DRAFT_ASSISTANCE_PLAN,
				Api.body("plannedServices", List.of("MedicalCare"), "writtenWith", "Person", "planReference", "PLAN/B"));
		task(this.mk, "demo-supervisor", reference, AssistancePlanProcess.TASK_APPROVE_ASSISTANCE_PLAN);
		return reference;
	}

	/** A case on MK whose referral home to Kosovo is consented and waits for the national coordinator's approval. */
	private String waitingForReferralApproval() {
		String reference = identifiedAdult();
		expect(send(this.mk, "PUT", "demo-social", "/api/cases/" + reference + "/file/identity",
				Api.body("firstName", "Synthetic", "secondName", "Person", "nationality", "XK", "languages",
						List.of("sq"))), 200);
		expect(send(this.mk, "POST", "demo-social", "/api/cases/" + reference + "/transnational-referrals",
				Api.body("country", "XK", "kind", "Return", "servicesContinue", false, "suspectedExploitation",
						"LabourExploitation", "interpreterNeeded", true, "fields",
						Map.of("identity", List.of("firstName", "secondName", "nationality", "languages")))), 201);
		complete(this.mk, "demo-social", reference, TransnationalReferralProcess.TASK_RECORD_CONSENT,
				Api.body("consentGiven", true));
		task(this.mk, "demo-coordinator", reference, TransnationalReferralProcess.TASK_APPROVE_REFERRAL);
		return reference;
	}

	/** Presumed, consenting, risk assessed; social services lead; the assistance plan is to be drafted. */
	private String identifiedAdult() {
		JsonNode opened = expect(send(this.mk, "POST", "demo-police", "/api/cases", ADULT_BY_POLICE), 201);
		String reference = opened.path("reference").asText();
		complete(this.mk, "demo-police", reference, VictimIdentificationProcess.TASK_SCREEN_INDICATORS,
				CaseJourney.ADULT_LABOUR_INDICATORS);
		complete(this.mk, "demo-police", reference, VictimIdentificationProcess.TASK_CONFIRM_SCREENING_OUTCOME,
				Api.body("presumedVictim", true));
		complete(this.mk, "demo-authority", reference, VictimIdentificationProcess.TASK_DECIDE_REASONABLE_GROUNDS,
				Api.body("reasonableGrounds", "Positive"));
		complete(this.mk, "demo-police", reference, NrmCaseProcess.TASK_RECORD_CONSENT,
				Api.body("consentToReferral", true, "consentToServices", true, "consentToShareWith", List.of("health"),
						"consentToPoliceCooperation", false));
		Map<String, Object> risk = Api.body("riskRating", "Low", "riskFactors", List.of("None"));
		complete(this.mk, "demo-police", reference, RiskAssessmentProcess.TASK_ASSESS_RISK_AS_POLICE, risk);
		complete(this.mk, "demo-social", reference, RiskAssessmentProcess.TASK_ASSESS_RISK_AS_CASE_MANAGER, risk);
		task(this.mk, "demo-social", reference, AssistancePlanProcess.TASK_DRAFT_ASSISTANCE_PLAN);
		return reference;
	}

	/** Approve the plan; time until health services see the hand-off. */
	private long local(String reference) {
		String taskId = task(this.mk, "demo-supervisor", reference, AssistancePlanProcess.TASK_APPROVE_ASSISTANCE_PLAN);
		expect(send(this.mk, "POST", "demo-supervisor", "/api/tasks/" + taskId + "/claim", null), 204);
		long start = System.nanoTime();
		expect(send(this.mk, "POST", "demo-supervisor", "/api/tasks/" + taskId + "/complete",
				Api.body("planApproved", true)), 204);
		until(() -> hasTask(this.mk, "demo-health", "/api/tasks?caseReference=" + reference,
				ServiceHandoffProcess.TASK_RESPOND_TO_REFERRAL));
		return System.nanoTime() - start;
	}

	/** Approve the referral; time until XK's coordinator sees it; then XK declines it, so its list stays short. */
	private long abroad(String reference) {
		String taskId = task(this.mk, "demo-coordinator", reference, TransnationalReferralProcess.TASK_APPROVE_REFERRAL);
		expect(send(this.mk, "POST", "demo-coordinator", "/api/tasks/" + taskId + "/claim", null), 204);
		long start = System.nanoTime();
		expect(send(this.mk, "POST", "demo-coordinator", "/api/tasks/" + taskId + "/complete",
				Api.body("referralApproved", true)), 204);
		until(() -> hasTask(this.xk, "demo-coordinator", "/api/tasks?maxResults=50",
				IncomingTransnationalReferralProcess.TASK_DECIDE_ON_INCOMING_REFERRAL));
		long time = System.nanoTime() - start;
		for (JsonNode task : expect(send(this.xk, "GET", "demo-coordinator", "/api/tasks?maxResults=50", null), 200)
			.path("tasks")) {
			if (task.path("taskType").asText().equals(IncomingTransnationalReferralProcess.TASK_DECIDE_ON_INCOMING_REFERRAL)) {
				String id = task.path("id").asText();
				expect(send(this.xk, "POST", "demo-coordinator", "/api/tasks/" + id + "/claim", null), 204);
				expect(send(this.xk, "POST", "demo-coordinator", "/api/tasks/" + id + "/complete",
						Api.body("referralAccepted", false, "declineReason", "NoCapacity")), 204);
			}
		}
		return time;
	}

	private void complete(String base, String user, String reference, String taskType, Map<String, Object> body) {
		String taskId = task(base, user, reference, taskType);
		expect(send(base, "POST", user, "/api/tasks/" + taskId + "/claim", null), 204);
		expect(send(base, "POST", user, "/api/tasks/" + taskId + "/complete", body), 204);
	}

	/** The task of that type on the case, once the job executor has brought the case there. */
	private String task(String base, String user, String reference, String taskType) {
		long deadline = System.nanoTime() + 30_000_000_000L;
		while (System.nanoTime() < deadline) {
			for (JsonNode task : expect(send(base, "GET", user, "/api/tasks?maxResults=100&caseReference=" + reference,
					null), 200).path("tasks")) {
				if (task.path("taskType").asText().equals(taskType)) {
					return task.path("id").asText();
				}
			}
			pause(20);
		}
		throw new IllegalStateException("No " + taskType + " on " + reference + " for " + user);
	}

	private boolean hasTask(String base, String user, String path, String taskType) {
		for (JsonNode task : expect(send(base, "GET", user, path, null), 200).path("tasks")) {
			if (task.path("taskType").asText().equals(taskType)) {
				return true;
			}
		}
		return false;
	}

	/** Polls every 5 ms: the poll's own cost is in both sides alike. */
	private static void until(java.util.function.BooleanSupplier done) {
		long deadline = System.nanoTime() + 60_000_000_000L;
		while (!done.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Timed out");
			}
			pause(5);
		}
	}

	private void report(int rounds, int perRound) {
		this.out.println();
		this.out.printf("Delivery to a task list: %d rounds of %d per side after %d warm-up samples each, alternating%n",
				rounds, perRound, WARM_UP);
		this.out.printf("| %-40s | %4s | %7s | %7s | %7s | %8s |%n", "workload", "n", "p50 ms", "p95 ms", "p99 ms",
				"max ms");
		this.out.println("|---|---|---|---|---|---|");
		this.samples.forEach((name, times) -> this.out.printf("| %-40s | %4d | %7.1f | %7.1f | %7.1f | %8.1f |%n", name,
				times.size(), BenchRun.ms(times, 50), BenchRun.ms(times, 95), BenchRun.ms(times, 99),
				BenchRun.ms(times, 100)));
		List<Long> local = this.samples.get(LOCAL);
		List<Long> abroad = this.samples.get(ABROAD);
		this.out.println();
		this.out.printf("transnational/local (target p95 <= 2.0): p50 %.2f, p95 %.2f, p99 %.2f%n",
				BenchRun.ms(abroad, 50) / BenchRun.ms(local, 50), BenchRun.ms(abroad, 95) / BenchRun.ms(local, 95),
				BenchRun.ms(abroad, 99) / BenchRun.ms(local, 99));
		this.out.printf("machine: %d cores, %d GiB, Java %s, two embedded PostgreSQL 16, load average at the end %s, %s%n",
				Runtime.getRuntime().availableProcessors(), BenchRun.memoryGiB(), System.getProperty("java.version"),
				loadAverage(), LocalDate.now());
	}

	private static ConfigurableApplicationContext start(String country, int port, EmbeddedPostgres database, Path folder,
			Path peers) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("server.port", port);
		properties.put("spring.datasource.url", database.getJdbcUrl("postgres", "postgres"));
		properties.put("spring.datasource.username", "postgres");
		properties.put("spring.datasource.password", "postgres");
		properties.put("camunda.bpm.job-execution.enabled", true);
		properties.put("nrm.cases.jurisdiction", country.toLowerCase());
		properties.put("nrm.cases.reference-prefix", country);
		properties.put("nrm.transnational.enabled", true);
		properties.put("nrm.transnational.generate-keys", true);
		properties.put("nrm.transnational.keys-file", folder.resolve(country.toLowerCase() + "-keys.json"));
		properties.put("nrm.transnational.publish-public-keys-to", folder.resolve("published"));
		properties.put("nrm.transnational.peers-location", "file:" + peers);
		return ServiceRuns.start("demo", properties);
	}

	private JsonNode expect(HttpResponse<String> response, int status) {
		if (response.statusCode() != status) {
			throw new IllegalStateException(response.request().method() + " " + response.request().uri() + ": "
					+ response.statusCode() + " " + response.body());
		}
		try {
			return response.body() == null || response.body().isEmpty() ? this.json.nullNode()
					: this.json.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private HttpResponse<String> send(String base, String method, String user, String path, Object body) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
				.header("Authorization", "Basic " + Base64.getEncoder()
					.encodeToString((user + ":" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)));
			if (body == null) {
				request.method(method, HttpRequest.BodyPublishers.noBody());
			}
			else {
				request.header("Content-Type", "application/json")
					.method(method, HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body)));
			}
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim().split(" ")[0];
		}
		catch (IOException ex) {
			return "?";
		}
	}

}
