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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * ({@link TwoNodesIT}): two nodes started together with the README's command ({@code java -jar target/opennrm.jar},
 * profiles {@code postgres,demo}, the environment the README names) on one PostgreSQL, behind the shipped balancer,
 * after a first start that was killed while the engine created its tables.
 * Police caseworkers open, claim and screen cases through the balancer, and half-way the first node is killed with
 * SIGKILL. Afterwards:
 * <ul>
 * <li>every request the service answered with 2xx is there: each case, each claim, each completed screening;</li>
 * <li>every case opened reaches its screening task: a step the dead node had taken (locked) and not finished is run
 * by the second node once the lock runs out (the test logs how many jobs were locked at the kill);</li>
 * <li>the audit chain is intact, no job failed, no incident;</li>
 * <li>the balancer answered 5xx only for requests in flight on the dead node, and the second node answered none.</li>
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
		try (EmbeddedPostgres postgres = TestDatabase.startPostgres()) {
			Map<String, String> environment = environment(postgres);
			// The first start ever dies half-way, while the engine creates its tables (its transaction rolls back,
			// the start-up lock goes with its connection), and leaves nothing the next nodes trip on.
			try (NodeProcess interrupted = node("node0", environment)) {
				interrupted.awaitLog("Performing database operation 'create' on component 'engine'", Duration.ofMinutes(3));
				interrupted.kill();
			}
			try (NodeProcess first = node("node1", environment); NodeProcess second = node("node2", environment);
					HikariDataSource database = TestDatabase.pooled(postgres.getJdbcUrl("postgres", "postgres"))) {
				first.awaitReady(Duration.ofMinutes(5));
				second.awaitReady(Duration.ofMinutes(5));
				try (Balancer balancer = Balancer.startIfInstalled(first.port(), second.port())) {
					JdbcTemplate jdbc = new JdbcTemplate(database);
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
		assertThat(work.completedBeforeTheKill).as("work done before the kill").isPositive();
		assertThat(work.completions).as("screenings completed after the kill")
			.hasSizeGreaterThan(work.completedBeforeTheKill);
		for (String reference : work.cases) {
			assertThat(survivor.as("demo-police").get("/api/cases/" + reference).status())
				.as("case %s, acknowledged with 201", reference)
				.isEqualTo(200);
		}
		for (String taskId : work.completions) {
			assertThat(jdbc.queryForObject("select count(*) from act_hi_taskinst where id_ = ? and end_time_ is not null"
					+ " and delete_reason_ = 'completed'", Long.class, taskId))
				.as("screening %s, acknowledged with 204", taskId)
				.isOne();
		}
		for (String taskId : work.claims.keySet()) {
			assertThat(jdbc.queryForObject("select count(*) from act_ru_task where id_ = ? and assignee_ = 'demo-police'",
					Long.class, taskId)
					+ jdbc.queryForObject("select count(*) from act_hi_taskinst where id_ = ? and end_time_ is not null",
							Long.class, taskId))
				.as("claim of %s, acknowledged with 204: still held or since completed", taskId)
				.isOne();
		}
		log.info("Acknowledged: {} cases, {} claims, {} screenings ({} before the kill)", work.cases.size(),
				work.claims.size(), work.completions.size(), work.completedBeforeTheKill);
		// Steps the dead node had taken (locked) and never finished are taken over once their lock runs out.
		long waited = System.nanoTime();
		await().atMost(LOCK_TIME.plus(Duration.ofMinutes(2))).pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(new HashSet<>(jdbc.queryForList("select distinct p.business_key_"
					+ " from act_hi_taskinst t join act_hi_procinst p on p.id_ = t.root_proc_inst_id_"
					+ " where t.task_def_key_ = ?", String.class, VictimIdentificationProcess.TASK_SCREEN_INDICATORS)))
				.as("cases that reached their screening task")
				.containsAll(work.cases));
		log.info("Every case acknowledged had its screening task {} s after the work ended",
				Duration.ofNanos(System.nanoTime() - waited).toSeconds());
		assertThat(jdbc.queryForObject("select count(*) from act_ru_incident", Long.class)).as("incidents").isZero();
		assertThat(jdbc.queryForObject("select count(*) from act_ru_job where exception_msg_ is not null", Long.class))
			.as("jobs that failed, even once")
			.isZero();
		Api.Response verification = survivor.as("demo-auditor").get("/api/audit/verification");
		assertThat(verification.json().path("intact").asBoolean()).as("audit chain: %s", verification).isTrue();
		assertThat(second.log()).as("the second node's log").noneMatch(line -> line.contains(" ERROR "));
	}

	/**
	 * The balancer's log has a line per answer, in the order answers ended. Both nodes answered, the second went on
	 * after the first's last answer, and only requests in flight on the dead node (one per client at most) failed;
	 * those it could not connect to it sent to the second node ({@code retries}, {@code option redispatch}).
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
		assertThat(lastOfTheFirst).as("the first node answered before the kill").isNotNegative();
		assertThat(answers.subList(lastOfTheFirst + 1, answers.size()))
			.as("the second node answered once the first answered no more")
			.anyMatch(answer -> answer[0].equals("node2") && answer[1].startsWith("2"));
		assertThat(answers).as("answers of the second node with 5xx")
			.noneMatch(answer -> answer[0].equals("node2") && answer[1].startsWith("5"));
		long failed = answers.stream().filter(answer -> answer[1].startsWith("5")).count();
		log.info("Through the balancer: {} answers by the first node, {} by the second, {} failed", answers.stream()
			.filter(answer -> answer[0].equals("node1")).count(), answers.stream()
			.filter(answer -> answer[0].equals("node2")).count(), failed);
		assertThat(failed).as("failed requests: those in flight on the first node when it was killed")
			.isLessThanOrEqualTo(CLIENTS);
	}

	/**
	 * Police caseworkers, each opening a case, claiming its screening task and completing it, again and again,
	 * through the balancer. What the service answered with 2xx is noted; anything else (a connection cut, a 502 for a
	 * request the dead node had) is not an acknowledgement, and the caseworker starts the next case.
	 */
	static final class Work {

		final Api balancer;

		final JdbcTemplate jdbc;

		final Set<String> cases = ConcurrentHashMap.newKeySet();

		/** Claimed task, and its case. */
		final Map<String, String> claims = new ConcurrentHashMap<>();

		final Set<String> completions = ConcurrentHashMap.newKeySet();

		int completedBeforeTheKill;

		private volatile boolean stop;

		Work(Api balancer, JdbcTemplate jdbc) {
			this.balancer = balancer;
			this.jdbc = jdbc;
		}

		void killHalfWay(NodeProcess first) throws Exception {
			ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
			List<Future<?>> running = new ArrayList<>();
			try {
				for (int i = 0; i < CLIENTS; i++) {
					running.add(clients.submit(this::caseworker));
				}
				await().atMost(Duration.ofMinutes(3)).until(() -> this.completions.size() >= 2 * CLIENTS);
				this.completedBeforeTheKill = this.completions.size();
				first.kill();
				log.info("Killed the first node after {} screenings; jobs locked then: {}", this.completedBeforeTheKill,
						this.jdbc.queryForObject("select count(*) from act_ru_job where lock_exp_time_ > now()", Long.class));
				// Past the balancer's own discovery of the death (two failed checks, three seconds apart), during
				// which it still sends requests to the dead node's port.
				long killed = System.nanoTime();
				await().atMost(Duration.ofMinutes(3))
					.until(() -> this.completions.size() >= this.completedBeforeTheKill + 2 * CLIENTS
							&& System.nanoTime() - killed > AFTER_THE_KILL.toNanos());
			}
			finally {
				this.stop = true;
				for (Future<?> client : running) {
					client.get(2, TimeUnit.MINUTES);
				}
				clients.shutdown();
			}
		}

		private Void caseworker() throws InterruptedException {
			Api.Client police = this.balancer.as("demo-police");
			while (!this.stop) {
				try {
					oneCase(police);
				}
				catch (RuntimeException ex) {
					// no answer (the connection ended with the node): not acknowledged
				}
			}
			return null;
		}

		private void oneCase(Api.Client police) throws InterruptedException {
			Api.Response opened = police.post("/api/cases", CaseJourney.ADULT_BY_POLICE);
			if (opened.status() != 201) {
				return;
			}
			String reference = opened.json().path("reference").asText();
			this.cases.add(reference);
			String taskId = screeningTask(police, reference);
			if (taskId == null || police.post("/api/tasks/" + taskId + "/claim").status() != 204) {
				return;
			}
			this.claims.put(taskId, reference);
			if (police.post("/api/tasks/" + taskId + "/complete", CaseJourney.ADULT_LABOUR_INDICATORS)
				.status() == 204) {
				this.completions.add(taskId);
			}
		}

		/** Once the job executors have carried the case to it; a caseworker waits ten seconds, then goes on. */
		private String screeningTask(Api.Client police, String reference) throws InterruptedException {
			for (int look = 0; look < 50 && !this.stop; look++) {
				Api.Response tasks = police.get("/api/tasks?caseReference=" + reference);
				if (tasks.status() == 200) {
					for (var task : tasks.json().path("tasks")) {
						if (VictimIdentificationProcess.TASK_SCREEN_INDICATORS.equals(task.path("taskType").asText())) {
							return task.path("id").asText();
						}
					}
				}
				Thread.sleep(200);
			}
			return null;
		}
	}
}
