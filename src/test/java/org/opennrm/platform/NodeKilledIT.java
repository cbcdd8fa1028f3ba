package org.opennrm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.opennrm.identification.VictimIdentificationProcess;
import org.opennrm.test.Api;
import org.opennrm.test.Balancer;
import org.opennrm.test.CaseJourney;
import org.opennrm.test.NodeProcess;
import org.opennrm.test.TestDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13's check of several nodes as an operator makes it, in separate processes rather than in one JVM
 * ({@link TwoNodesIT}). A first start is killed while the engine creates its tables; then two nodes start together
 * on the same PostgreSQL with the README's command ({@code java -jar target/opennrm.jar}, profiles
 * {@code postgres,demo}, the environment the README names), behind the shipped balancer. Police caseworkers open
 * cases, screen them and confirm the screening through the balancer; half-way the first node is killed with SIGKILL.
 * Afterwards:
 * <ul>
 * <li>every request the service answered with 2xx is there: each case, each claim, each completed task, each with its
 * audit entry;</li>
 * <li>every confirmation reaches the decision on reasonable grounds, past an asynchronous step (a job) that either
 * node may run; a job the dead node had taken and not finished is run by the other once its lock runs out (the
 * test shortens the lock, and logs how many jobs were locked when the node died); no job is left due;</li>
 * <li>the audit chain is intact, no job failed even once, no incident;</li>
 * <li>no request failed before the kill and none was refused; after it, only requests in flight on the dead node
 * failed (one per caseworker at most), and the second node answered none with 5xx.</li>
 * </ul>
 * PostgreSQL only (the embedded H2 is opened by one process), and only where HAProxy is installed
 * ({@code .ci/install-tools} installs it).
 */
class NodeKilledIT {

	private static final Logger log = LoggerFactory.getLogger(NodeKilledIT.class);

	static final int CLIENTS = 6;

	/**
	 * How long a job a node has taken stays its own: the default (five minutes) is longer than a test should wait for
	 * the jobs the dead node took with it.
	 */
	static final Duration LOCK_TIME = Duration.ofSeconds(20);

	/** How long the caseworkers go on once the first node is gone, at least. */
	static final Duration AFTER_THE_KILL = Duration.ofSeconds(10);

	/** A request line in the balancer's log (HAProxy's {@code option httplog}): the node that answered and the status. */
	static final Pattern ANSWER = Pattern.compile(" nodes/(node\\d) \\S+ (\\d{3}) .*\"(?:GET|POST) /api/");

	@Test
	void a_node_killed_mid_work_loses_nothing_it_acknowledged() throws Exception {
		assumeThat(TestDatabase.isPostgres()).as("two nodes need a database server").isTrue();
		assumeThat(Balancer.isInstalled()).as("HAProxy is installed (.ci/install-tools installs it)").isTrue();
		try (EmbeddedPostgres postgres = TestDatabase.startPostgres();
				HikariDataSource database = TestDatabase.pooled(postgres.getJdbcUrl("postgres", "postgres"))) {
			JdbcTemplate jdbc = new JdbcTemplate(database);
			Map<String, String> environment = environment(postgres);
			// The first start ever dies half-way, while the engine creates its tables (its transaction rolls back,
			// the start-up lock goes with its connection), and leaves nothing the next nodes trip on.
			try (NodeProcess interrupted = node("node0", environment)) {
				interrupted.awaitLog("Performing database operation 'create' on component 'engine'",
						Duration.ofMinutes(3));
				interrupted.kill();
				log.info("Killed the first start while the engine created its tables; they were then {}",
						jdbc.queryForObject("select to_regclass('act_ge_property') is null", Boolean.class)
								? "not there (rolled back)" : "there (committed just before)");
			}
			try (NodeProcess first = node("node1", environment); NodeProcess second = node("node2", environment)) {
				first.awaitReady(Duration.ofMinutes(5));
				second.awaitReady(Duration.ofMinutes(5));
				try (Balancer balancer = Balancer.start(first.port(), second.port())) {
					Work work = new Work(Api.at(balancer.base()), jdbc);
					work.killHalfWay(first);
					thenNothingAcknowledgedIsLost(work, jdbc, Api.at(second.base()), second);
					theBalancerFailedOnlyRequestsInFlight(balancer.log());
				}
			}
		}
	}

	/** What the README's "Several nodes" gives each node; both get the same. */
	private static Map<String, String> environment(EmbeddedPostgres postgres) throws GeneralSecurityException {
		return Map.of("SPRING_PROFILES_ACTIVE", "postgres,demo",
				"NRM_DB_URL", postgres.getJdbcUrl("postgres", "postgres"),
				"NRM_DB_USER", "postgres",
				"NRM_DB_PASSWORD", "postgres",
				"NRM_ADMIN_USER", "first.admin",
				"NRM_ADMIN_PASSWORD", "Xk7#vQ2-pL9!mZ-first",
				"NRM_CASEFILE_KEYSET", newKeyset(),
				"NRM_SIGNIN_KEYSET", newKeyset(),
				// plain http://127.0.0.1 behind the balancer, as the compose file runs it
				"NRM_SECURE_COOKIES", "false");
	}

	/** As {@code tinkey create-keyset --key-template AES256_GCM} writes it. */
	private static String newKeyset() throws GeneralSecurityException {
		AeadConfig.register();
		return TinkJsonProtoKeysetFormat.serializeKeyset(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM),
				InsecureSecretKeyAccess.get());
	}

	private static NodeProcess node(String name, Map<String, String> environment) throws Exception {
		return NodeProcess.start(name, environment,
				"--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME.toMillis());
	}

	private static void thenNothingAcknowledgedIsLost(Work work, JdbcTemplate jdbc, Api survivor,
			NodeProcess second) throws IOException {
		log.info("Acknowledged: {} cases, {} claims, {} completed tasks ({} before the kill), {} confirmations",
				work.cases.size(), work.claims.size(), work.completions.size(), work.completedBeforeTheKill,
				work.confirmed.size());
		for (String reference : work.cases) {
			assertThat(survivor.as("demo-police").get("/api/cases/" + reference).status())
				.as("case %s, acknowledged with 201", reference)
				.isEqualTo(200);
		}
		for (String taskId : work.completions) {
			assertThat(jdbc.queryForObject("select count(*) from act_hi_taskinst where id_ = ?"
					+ " and end_time_ is not null and delete_reason_ = 'completed'", Long.class, taskId))
				.as("task %s, completion acknowledged with 204", taskId)
				.isOne();
			assertThat(jdbc.queryForObject("select count(*) from nrm_audit_entry e join nrm_audit_content c"
					+ " on c.sequence = e.sequence where e.type = 'TaskOperation' and e.subject = ?"
					+ " and c.detail like 'Complete%'", Long.class, "Task " + taskId))
				.as("audit entry of the completion of %s", taskId)
				.isOne();
		}
		for (Map.Entry<String, String> claim : work.claims.entrySet()) {
			String taskId = claim.getKey();
			long heldOrDone = jdbc.queryForObject("select count(*) from act_ru_task where id_ = ?"
					+ " and assignee_ = 'demo-police'", Long.class, taskId)
					+ jdbc.queryForObject("select count(*) from act_hi_taskinst where id_ = ?"
							+ " and end_time_ is not null", Long.class, taskId);
			assertThat(heldOrDone).as("claim of %s (case %s), acknowledged with 204: still held or since completed",
					taskId, claim.getValue()).isOne();
		}
		// The asynchronous step after a confirmation runs on either node; one the dead node had taken waits out its
		// lock and runs on the second.
		long waiting = System.nanoTime();
		await().atMost(LOCK_TIME.plus(Duration.ofMinutes(2))).pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(new HashSet<>(jdbc.queryForList("select distinct p.business_key_"
					+ " from act_hi_taskinst t join act_hi_procinst p on p.id_ = t.root_proc_inst_id_"
					+ " where t.task_def_key_ = ?", String.class,
					VictimIdentificationProcess.TASK_DECIDE_REASONABLE_GROUNDS)))
				.as("confirmed cases that reached the decision on reasonable grounds")
				.containsAll(work.confirmed));
		// A job falls due or is being run at any moment (the demo cases' timers too): none may stay due.
		await().atMost(LOCK_TIME.plus(Duration.ofMinutes(2))).pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(jdbc.queryForList("select coalesce(job_def_id_, type_) || ' due '"
					+ " || coalesce(cast(duedate_ as varchar), 'now') || ', locked until '"
					+ " || coalesce(cast(lock_exp_time_ as varchar), '-') from act_ru_job"
					+ " where duedate_ is null or duedate_ <= now()", String.class))
				.as("jobs due and not run")
				.isEmpty());
		log.info("Every confirmed case was at its decision, and no job was due, {} s after the work ended",
				Duration.ofNanos(System.nanoTime() - waiting).toSeconds());
		assertThat(jdbc.queryForObject("select count(*) from act_ru_incident", Long.class)).as("incidents").isZero();
		assertThat(jdbc.queryForList("select job_def_type_ || ': ' || job_exception_msg_ from act_hi_job_log"
				+ " where job_exception_msg_ is not null", String.class))
			.as("jobs that failed, even once")
			.isEmpty();
		Api.Response verification = survivor.as("demo-auditor").get("/api/audit/verification");
		assertThat(verification.json().path("intact").asBoolean()).as("audit chain: %s", verification).isTrue();
		assertThat(second.log()).as("the second node's log").noneMatch(line -> line.contains(" ERROR "));
	}

	/**
	 * The balancer's log has a line per answer, in the order answers ended: both nodes answered, the second went on
	 * after the first's last answer, and the second answered nothing with 5xx. Requests it could not connect to the
	 * dead node it sent to the second ({@code retries}, {@code option redispatch}).
	 */
	private static void theBalancerFailedOnlyRequestsInFlight(List<String> balancerLog) {
		List<String[]> answers = new ArrayList<>();
		for (String line : balancerLog) {
			Matcher answer = ANSWER.matcher(line);
			if (answer.find()) {
				answers.add(new String[] { answer.group(1), answer.group(2) });
			}
		}
		int lastOfTheFirst = -1;
		for (int i = 0; i < answers.size(); i++) {
			if (answers.get(i)[0].equals("node1") && answers.get(i)[1].startsWith("2")) {
				lastOfTheFirst = i;
			}
		}
		log.info("Through the balancer: {} answers by the first node, {} by the second, {} with 5xx",
				answers.stream().filter(answer -> answer[0].equals("node1")).count(),
				answers.stream().filter(answer -> answer[0].equals("node2")).count(),
				answers.stream().filter(answer -> answer[1].startsWith("5")).count());
		assertThat(lastOfTheFirst).as("the first node answered before the kill").isNotNegative();
		assertThat(answers.subList(lastOfTheFirst + 1, answers.size()))
			.as("the second node answered once the first answered no more")
			.anyMatch(answer -> answer[0].equals("node2") && answer[1].startsWith("2"));
		assertThat(answers).as("answers of the second node with 5xx")
			.noneMatch(answer -> answer[0].equals("node2") && answer[1].startsWith("5"));
	}

	/**
	 * Police caseworkers, each opening a case, screening it and confirming the screening, again and again, through
	 * the balancer. What the service answered with 2xx is noted; anything else ends that case for the caseworker, is
	 * noted as a failure with whether it came before or after the kill, and the caseworker opens the next case.
	 */
	static final class Work {

		final Api balancer;

		final JdbcTemplate jdbc;

		final Set<String> cases = ConcurrentHashMap.newKeySet();

		/** Claimed task, and its case. */
		final Map<String, String> claims = new ConcurrentHashMap<>();

		final Set<String> completions = ConcurrentHashMap.newKeySet();

		/** Cases whose screening outcome was confirmed (a presumed victim). */
		final Set<String> confirmed = ConcurrentHashMap.newKeySet();

		final Queue<String> failedBeforeTheKill = new ConcurrentLinkedQueue<>();

		final Queue<String> failedAfterTheKill = new ConcurrentLinkedQueue<>();

		int completedBeforeTheKill;

		private volatile boolean killed;

		private volatile boolean stop;

		Work(Api balancer, JdbcTemplate jdbc) {
			this.balancer = balancer;
			this.jdbc = jdbc;
		}

		void killHalfWay(NodeProcess first) throws Exception {
			ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
			List<Future<Void>> running = new ArrayList<>();
			try {
				for (int i = 0; i < CLIENTS; i++) {
					running.add(clients.submit(this::caseworker));
				}
				await().atMost(Duration.ofMinutes(3)).until(() -> this.completions.size() >= 4 * CLIENTS);
				this.completedBeforeTheKill = this.completions.size();
				this.killed = true;
				first.kill();
				log.info("Killed the first node after {} completed tasks; jobs locked then (by either node): {}",
						this.completedBeforeTheKill, this.jdbc.queryForObject(
								"select count(*) from act_ru_job where lock_exp_time_ > now()", Long.class));
				// Past the balancer's own discovery of the death (two failed checks, three seconds apart), during
				// which it still sends requests to the dead node's port.
				long killedAt = System.nanoTime();
				await().atMost(Duration.ofMinutes(3))
					.until(() -> this.completions.size() >= this.completedBeforeTheKill + 4 * CLIENTS
							&& System.nanoTime() - killedAt > AFTER_THE_KILL.toNanos());
			}
			finally {
				this.stop = true;
				try {
					for (Future<Void> client : running) {
						client.get(2, TimeUnit.MINUTES);
					}
				}
				finally {
					clients.shutdownNow();
				}
			}
			assertThat(this.failedBeforeTheKill).as("requests that failed before the kill").isEmpty();
			assertThat(this.failedAfterTheKill).as("requests that failed after it: those in flight on the dead node")
				.hasSizeLessThanOrEqualTo(CLIENTS)
				.noneMatch(failure -> failure.startsWith("4"));
		}

		private Void caseworker() {
			Api.Client police = this.balancer.as("demo-police");
			while (!this.stop) {
				try {
					oneCase(police);
				}
				catch (Failed | RuntimeException ex) {
					(this.killed ? this.failedAfterTheKill : this.failedBeforeTheKill).add(ex.getMessage());
				}
			}
			return null;
		}

		private void oneCase(Api.Client police) throws Failed {
			String reference = expect(police.post("/api/cases", CaseJourney.ADULT_BY_POLICE), 201).json()
				.path("reference")
				.asText();
			this.cases.add(reference);
			complete(police, reference, VictimIdentificationProcess.TASK_SCREEN_INDICATORS,
					CaseJourney.ADULT_LABOUR_INDICATORS);
			complete(police, reference, VictimIdentificationProcess.TASK_CONFIRM_SCREENING_OUTCOME,
					Api.body("presumedVictim", true));
			this.confirmed.add(reference);
		}

		/** A task the case's process reached in the transaction of the request before: claimed, then completed. */
		private void complete(Api.Client police, String reference, String taskType, Map<String, Object> answer)
				throws Failed {
			String taskId = null;
			for (JsonNode task : expect(police.get("/api/tasks?caseReference=" + reference), 200).json()
				.path("tasks")) {
				if (taskType.equals(task.path("taskType").asText())) {
					taskId = task.path("id").asText();
				}
			}
			if (taskId == null) {
				throw new Failed("no " + taskType + " in case " + reference);
			}
			expect(police.post("/api/tasks/" + taskId + "/claim"), 204);
			this.claims.put(taskId, reference);
			expect(police.post("/api/tasks/" + taskId + "/complete", answer), 204);
			this.completions.add(taskId);
		}

		private static Api.Response expect(Api.Response response, int status) throws Failed {
			if (response.status() != status) {
				throw new Failed(response.status() + " " + response.body());
			}
			return response;
		}
	}

	/** A request the service did not answer as a caseworker expects: its status first. */
	static final class Failed extends Exception {

		Failed(String message) {
			super(message);
		}
	}
}
