package org.opennrm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.opennrm.deadlines.DeadlineEscalationProcess;
import org.opennrm.identification.VictimIdentificationProcess;
import org.opennrm.test.Api;
import org.opennrm.test.CaseJourney;
import org.opennrm.test.ServiceRuns;
import org.opennrm.test.TestDatabase;
import org.opennrm.test.TestUsers;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes of the service on one PostgreSQL, started together, both running the job executor (ADR 31): start-up
 * work happens once, concurrent claims from both nodes have one winner and the rest get 409, a deadline that falls
 * due while both run escalates once (one escalation, one notification, one audit entry, no incident), and a session
 * started on one node continues on the other. Both run in this JVM, so that the test can move their one engine clock;
 * {@link NodeKilledIT} runs two in processes of their own and kills one. PostgreSQL only: the embedded H2 is opened by
 * one process.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

	static final String PASSWORD = "Xk7#vQ2-pL9!mZ";

	static final List<String> POLICE = List.of("demo-police", "police-node-2", "police-node-3", "police-node-4");

	static EmbeddedPostgres postgres;

	static ConfigurableApplicationContext first;

	static ConfigurableApplicationContext second;

	static JdbcTemplate jdbc;

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	final ObjectMapper json = new ObjectMapper();

	@BeforeAll
	static void twoNodesStartedTogether() throws Exception {
		assumeThat(TestDatabase.isPostgres()).as("two nodes need a database server").isTrue();
		postgres = TestDatabase.startPostgres();
		Map<String, Object> node = new HashMap<>();
		node.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
		node.put("spring.datasource.username", "postgres");
		node.put("spring.datasource.password", "postgres");
		node.put("camunda.bpm.job-execution.enabled", true);
		// Both executors look for due jobs every second at most, so a moved clock is noticed soon.
		node.put("camunda.bpm.job-execution.max-wait", 1000);
		node.put("camunda.bpm.job-execution.wait-time-in-millis", 200);
		node.put("nrm.retention.erasure.scheduled", false);
		ExecutorService starting = Executors.newFixedThreadPool(2);
		CountDownLatch go = new CountDownLatch(1);
		Future<ConfigurableApplicationContext> a = starting.submit(() -> {
			go.await();
			return ServiceRuns.start("demo", node);
		});
		Future<ConfigurableApplicationContext> b = starting.submit(() -> {
			go.await();
			return ServiceRuns.start("demo", node);
		});
		go.countDown();
		first = a.get(10, TimeUnit.MINUTES);
		second = b.get(10, TimeUnit.MINUTES);
		starting.shutdown();
		jdbc = new JdbcTemplate(second.getBean(DataSource.class));
		IdentityService identity = first.getBean(IdentityService.class);
		for (String userId : POLICE.subList(1, POLICE.size())) {
			TestUsers.ensureWithPassword(identity, userId, PASSWORD, "police");
		}
	}

	@AfterAll
	static void stop() throws IOException {
		ClockUtil.reset();
		if (second != null) {
			second.close();
		}
		if (first != null && first.isActive()) {
			first.close();
		}
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	@Order(1)
	void nodes_started_together_did_the_start_up_work_once() {
		assertThat(jdbc.queryForList("select name_ from act_re_deployment group by name_ having count(*) > 1"))
			.as("each feature folder deployed once").isEmpty();
		assertThat(jdbc.queryForObject("select count(*) from act_re_procdef where version_ > 1", Long.class))
			.as("unchanged models make no second version").isZero();
		assertThat(jdbc.queryForObject("select count(*) from nrm_schema_history where not success", Long.class)).isZero();
		assertThat(jdbc.queryForList("select group_id_, resource_type_, resource_id_ from act_ru_authorization"
				+ " where group_id_ is not null group by group_id_, resource_type_, resource_id_ having count(*) > 1"))
			.as("each grant once").isEmpty();
		assertThat(jdbc.queryForObject("select count(*) from act_ru_filter", Long.class))
			.isEqualTo(jdbc.queryForObject("select count(distinct name_ || coalesce(properties_, '')) from act_ru_filter", Long.class));
		long demoCases = jdbc.queryForObject("select count(*) from nrm_case", Long.class);
		assertThat(demoCases).as("demo cases seeded").isPositive();
		assertThat(jdbc.queryForObject("select count(distinct reference) from nrm_case", Long.class)).isEqualTo(demoCases);
		assertChainValid(second, "audit chain after two starts");
	}

	@Test
	@Order(2)
	void concurrent_claims_from_both_nodes_have_one_winner_and_the_others_get_409() throws Exception {
		ExecutorService clients = Executors.newFixedThreadPool(POLICE.size());
		try {
			for (int round = 0; round < 5; round++) {
				String taskId = screeningTask(round % 2 == 0 ? first : second);
				CountDownLatch go = new CountDownLatch(1);
				List<Future<Integer>> answers = new ArrayList<>();
				for (int i = 0; i < POLICE.size(); i++) {
					String userId = POLICE.get(i);
					ConfigurableApplicationContext node = i % 2 == 0 ? first : second;
					answers.add(clients.submit(() -> {
						go.await();
						return basic(node, userId, "POST", "/api/tasks/" + taskId + "/claim", null).statusCode();
					}));
				}
				go.countDown();
				List<Integer> statuses = new ArrayList<>();
				for (Future<Integer> answer : answers) {
					statuses.add(answer.get(1, TimeUnit.MINUTES));
				}
				assertThat(statuses).as("round %d", round).containsOnly(204, 409);
				assertThat(statuses.stream().filter(status -> status == 204).count()).as("round %d", round).isOne();
			}
		}
		finally {
			clients.shutdownNow();
		}
	}

	@Test
	@Order(3)
	void a_deadline_due_while_both_nodes_run_escalates_exactly_once() {
		String reference = open(first);
		complete(second, "demo-police", reference, VictimIdentificationProcess.TASK_SCREEN_INDICATORS,
				CaseJourney.ADULT_LABOUR_INDICATORS);
		complete(first, "demo-police", reference, VictimIdentificationProcess.TASK_CONFIRM_SCREENING_OUTCOME,
				Api.body("presumedVictim", true));
		JsonNode decision = task(second, "demo-authority", reference, VictimIdentificationProcess.TASK_DECIDE_REASONABLE_GROUNDS);
		Instant due = Instant.parse(decision.path("due").asText());

		ClockUtil.setCurrentTime(Date.from(due.plus(Duration.ofMinutes(5))));
		RuntimeService runtime = first.getBean(RuntimeService.class);
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> jdbc.queryForObject(
				"select count(*) from nrm_notification where case_reference = ? and kind = 'DeadlineMissed'", Long.class,
				reference) > 0 && first.getBean(ManagementService.class).createJobQuery().executable().count() == 0);

		assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(DeadlineEscalationProcess.KEY)
			.variableValueEquals("caseReference", reference).count()).as("one escalation").isOne();
		assertThat(jdbc.queryForObject("select count(*) from nrm_notification where case_reference = ?"
				+ " and kind = 'DeadlineMissed'", Long.class, reference)).as("one notification to the supervisors").isOne();
		assertThat(jdbc.queryForObject("select count(*) from nrm_audit_entry e join nrm_audit_case c on c.case_key = e.case_key"
				+ " where e.type = 'DeadlineMissed' and c.case_reference = ?", Long.class, reference)).as("one audit entry").isOne();
		assertThat(first.getBean(RuntimeService.class).createIncidentQuery().count()).as("no incident on any job").isZero();
		assertThat(jdbc.queryForObject("select count(*) from act_ru_job where exception_msg_ is not null", Long.class))
			.as("no job failed, not even once").isZero();
		assertChainValid(first, "audit chain with two writers");
	}

	@Test
	@Order(4)
	void a_session_started_on_one_node_continues_on_the_other() throws Exception {
		HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(new CookieManager()).build();
		HttpResponse<String> loginPage = browser.send(HttpRequest.newBuilder(uri(first, "/login")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage.body());
		assertThat(csrf.find()).as("login form with a CSRF token").isTrue();
		HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(uri(first, "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=demo-social&password="
					+ URLEncoder.encode(Api.DEMO_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
					+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");

		// A caseworker (no second factor) and her own account page, which any signed-in user has.
		HttpResponse<String> onTheOtherNode = browser.send(HttpRequest.newBuilder(uri(second, "/account")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(onTheOtherNode.statusCode()).as("signed in on the other node too").isEqualTo(200);

		HttpResponse<String> stranger = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri(second, "/account")).GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(stranger.statusCode()).as("without the session: to the login").isEqualTo(302);
	}

	// ---- helpers: plain HTTP against one node or the other

	private String screeningTask(ConfigurableApplicationContext node) {
		String reference = open(node);
		return task(node, "demo-police", reference, VictimIdentificationProcess.TASK_SCREEN_INDICATORS).path("id").asText();
	}

	private String open(ConfigurableApplicationContext node) {
		HttpResponse<String> opened = basicJson(node, "demo-police", "POST", "/api/cases", CaseJourney.ADULT_BY_POLICE);
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
		return read(opened).path("reference").asText();
	}

	/** The task once the job executors (of either node) have carried the case to it. */
	private JsonNode task(ConfigurableApplicationContext node, String userId, String reference, String taskType) {
		JsonNode[] found = new JsonNode[1];
		await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(() -> {
			JsonNode tasks = read(basic(node, userId, "GET", "/api/tasks?caseReference=" + reference, null)).path("tasks");
			for (JsonNode task : tasks) {
				if (taskType.equals(task.path("taskType").asText())) {
					found[0] = task;
					return true;
				}
			}
			return false;
		});
		return found[0];
	}

	private void complete(ConfigurableApplicationContext node, String userId, String reference, String taskType,
			Map<String, Object> body) {
		String taskId = task(node, userId, reference, taskType).path("id").asText();
		assertThat(basic(node, userId, "POST", "/api/tasks/" + taskId + "/claim", null).statusCode()).isEqualTo(204);
		HttpResponse<String> completed = basicJson(node, userId, "POST", "/api/tasks/" + taskId + "/complete", body);
		assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
	}

	private void assertChainValid(ConfigurableApplicationContext node, String when) {
		JsonNode verification = verification(node);
		assertThat(verification.path("intact").asBoolean()).as("%s: %s", when, verification).isTrue();
	}

	private JsonNode verification(ConfigurableApplicationContext node) {
		return read(basic(node, "demo-auditor", "GET", "/api/audit/verification", null));
	}

	private HttpResponse<String> basicJson(ConfigurableApplicationContext node, String userId, String method,
			String path, Object body) {
		try {
			return basic(node, userId, method, path, this.json.writeValueAsString(body));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private HttpResponse<String> basic(ConfigurableApplicationContext node, String userId, String method, String path,
			String body) {
		String base = base(node);
		String password = userId.startsWith("demo-") ? Api.DEMO_PASSWORD : PASSWORD;
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((userId + ":" + password).getBytes(StandardCharsets.UTF_8)))
			.header("Accept", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		try {
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

	private JsonNode read(HttpResponse<String> response) {
		try {
			return this.json.readTree(response.body());
		}
		catch (IOException ex) {
			throw new AssertionError("Not JSON: " + response.statusCode() + " " + response.body(), ex);
		}
	}

	private static URI uri(ConfigurableApplicationContext node, String path) {
		return URI.create(base(node) + path);
	}

	private static String base(ConfigurableApplicationContext node) {
		return "http://localhost:" + port(node);
	}

	private static int port(ConfigurableApplicationContext node) {
		return node.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}
}
