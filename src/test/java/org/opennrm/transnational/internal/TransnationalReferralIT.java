package org.opennrm.transnational.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opennrm.test.Api.body;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.opennrm.assistance.AssistancePlanProcess;
import org.opennrm.casework.NrmCaseProcess;
import org.opennrm.child.ChildProtectionProcess;
import org.opennrm.deadlines.DeadlineEscalationProcess;
import org.opennrm.identification.VictimIdentificationProcess;
import org.opennrm.risk.RiskAssessmentProcess;
import org.opennrm.test.Api;
import org.opennrm.test.BrowserScenarios;
import org.opennrm.test.CaseJourney;
import org.opennrm.test.DatabaseSnapshot;
import org.opennrm.test.PlaintextScan;
import org.opennrm.test.SecondFactorCodes;
import org.opennrm.test.ServiceRuns;
import org.opennrm.test.TestDatabase;
import org.opennrm.test.TestUsers;
import org.opennrm.test.WebappSession;
import org.opennrm.transnational.IncomingTransnationalReferralProcess;
import org.opennrm.transnational.TransnationalReferralProcess;
import org.opennrm.transnational.internal.PeerMessages.Type;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Two whole instances of the service in one test, as two countries run them: North Macedonia (MK) on the database
 * the build chose (H2 or PostgreSQL) and Kosovo (XK) always on an embedded PostgreSQL, each with its own keys
 * (generated into files, as the demo does), its own jurisdiction profile and a peers file naming the other. Everything
 * is driven through the public API as the caseworkers and coordinators of each country would: a Kosovo citizen
 * identified in North Macedonia is referred home, accepted and opened there; a decline with a reason; delivery while
 * the receiver is down and after it comes back (nothing lost, nothing doubled, the delivery clock escalates
 * meanwhile); consent withdrawn before and after acceptance; a child referred with the guardian's consent. The peer
 * endpoint refuses altered, forged, replayed, expired and malformed messages with a clear 4xx and writes nothing but
 * the record of the refusal. At the end no case file sentinel is in any engine table or log of either instance, nor
 * readable in any table of ours.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TransnationalReferralIT {

	static final String MARK = "c41e";

	/** A Kosovo citizen found in North Macedonia: labour exploitation, adult. */
	static final Map<String, Object> ADULT_BY_POLICE = body("referringAgency", "police", "contactSetting",
			"LabourInspection", "ageGroup", "Adult", "suspectedExploitation", "LabourExploitation", "foreignNational",
			true, "interpreterNeeded", true);

	static final Map<String, Object> CHILD_BY_POLICE = body("referringAgency", "police", "contactSetting",
			"BorderOrTransit", "ageGroup", "Child", "suspectedExploitation", "LabourExploitation", "foreignNational",
			true, "interpreterNeeded", true);

	static final Map<String, List<String>> RETURN_FIELDS = Map.of("identity",
			List.of("firstName", "secondName", "birthdate", "nationality", "languages"), "risk", List.of("safetyPlan"),
			"services", List.of("needs"));

	private final Map<String, String> sentinels = new LinkedHashMap<>();

	private final ListAppender<ILoggingEvent> log = new ListAppender<>();

	private Path folder;

	private Path peersFile;

	private int mkPort;

	private int xkPort;

	private EmbeddedPostgres xkPostgres;

	private EmbeddedPostgres mkPostgres;

	private Map<String, Object> mkDatabase;

	private Instance mk;

	private Instance xk;

	/** One running instance and what the test drives it with. */
	record Instance(String country, ConfigurableApplicationContext context, Api api, CaseJourney journey,
			JdbcTemplate jdbc) {

		Api.Client as(String userId) {
			return this.api.as(userId);
		}

		<T> T bean(Class<T> type) {
			return this.context.getBean(type);
		}

		void runJobs() {
			ManagementService management = bean(ManagementService.class);
			List<Job> jobs;
			int rounds = 0;
			while (!(jobs = management.createJobQuery().executable().listPage(0, 100)).isEmpty()) {
				jobs.forEach(job -> management.executeJob(job.getId()));
				if (++rounds > 100) {
					throw new IllegalStateException("Jobs keep coming");
				}
			}
		}
	}

	@BeforeAll
	void twoCountriesEachWithItsOwnInstanceDatabaseAndKeys(@TempDir Path folder) throws IOException {
		this.folder = folder;
		this.peersFile = this.folder.resolve("peers.yml");
		this.xkPostgres = TestDatabase.startPostgres();
		if (TestDatabase.isPostgres()) {
			this.mkPostgres = TestDatabase.startPostgres();
			this.mkDatabase = postgres(this.mkPostgres);
		}
		else {
			this.mkDatabase = ServiceRuns.freshH2();
		}
		// Each instance's port is written into the peers file before either starts, so a port found free may be taken
		// (by a connection of the other test fork) before its instance binds it: then both start again on new ports.
		for (int attempt = 1;; attempt++) {
			try {
				startBothOnFreePorts();
				break;
			}
			catch (RuntimeException ex) {
				if (attempt == 3 || !portInUse(ex)) {
					throw ex;
				}
				if (this.mk != null) {
					this.mk.context().close();
					this.mk = null;
				}
			}
		}
		captureTheLog();
		// The receiving coordinator enrols their second factor now, so that the page test's sign-in, long after,
		// need not wait for the code step after the enrolment's.
		WebappSession.pages(this.xk.api(), "demo-coordinator", Api.DEMO_PASSWORD);
	}

	private static boolean portInUse(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof org.springframework.boot.web.server.PortInUseException) {
				return true;
			}
		}
		return false;
	}

	private void startBothOnFreePorts() throws IOException {
		this.mkPort = freePort();
		this.xkPort = freePort();
		Files.writeString(this.peersFile, """
				peers:
				  - country: MK
				    name: North Macedonia
				    base-url: http://localhost:%d
				    keys-file: %s/published/mk.jwks.json
				  - country: XK
				    name: Kosovo
				    base-url: http://localhost:%d
				    keys-file: %s/published/xk.jwks.json
				""".formatted(this.mkPort, this.folder, this.xkPort, this.folder), StandardCharsets.UTF_8);
		this.mk = start("MK", this.mkPort, this.mkDatabase);
		this.xk = start("XK", this.xkPort, postgres(this.xkPostgres));
	}

	@AfterAll
	void stopBoth() throws IOException {
		ClockUtil.reset();
		releaseTheLog();
		for (Instance instance : new Instance[] { this.mk, this.xk }) {
			if (instance != null) {
				instance.context().close();
			}
		}
		await("the delivery threads stop with their instance").atMost(Duration.ofSeconds(10))
			.until(() -> Thread.getAllStackTraces().keySet().stream()
				.noneMatch(thread -> thread.isAlive() && thread.getName().startsWith("transnational-delivery-")));
		if (this.xkPostgres != null) {
			this.xkPostgres.close();
		}
		if (this.mkPostgres != null) {
			this.mkPostgres.close();
		}
	}

	@Test
	@Order(1)
	void a_kosovo_citizen_identified_in_north_macedonia_is_referred_home_accepted_and_opened_there() {
		String reference = kosovarReadyToReturn("return");
		JsonNode proposed = propose(reference, "Return", false, RETURN_FIELDS);
		assertThat(proposed.path("status").asText()).isEqualTo("Proposed");
		assertThat(proposed.path("sharedFields").path("identity")).hasSize(5);
		String referralId = proposed.path("id").asText();
		this.mk.journey().complete("demo-social", reference, TransnationalReferralProcess.TASK_RECORD_CONSENT,
				body("consentGiven", true));
		this.mk.journey().complete("demo-coordinator", reference, TransnationalReferralProcess.TASK_APPROVE_REFERRAL,
				body("referralApproved", true));

		JsonNode delivered = awaitStatus(reference, referralId, "Delivered");
		String hash = delivered.path("packageHash").asText();
		assertThat(hash).matches("[0-9a-f]{64}");
		assertThat(delivered.path("delivery").path("deliveredAt").isMissingNode()).isFalse();
		assertThat(steps(delivered)).containsSubsequence("Proposed", "ConsentGiven", "Approved", "Sent", "Delivered");

		JsonNode incoming = incoming(referralId);
		assertThat(incoming.path("status").asText()).isEqualTo("Delivered");
		assertThat(incoming.path("peerCountry").asText()).isEqualTo("MK");
		assertThat(incoming.path("packageHash").asText()).as("both sides record the same package").isEqualTo(hash);
		assertThat(incoming.path("respondBy").asText()).isNotBlank();
		JsonNode content = this.xk.as("demo-coordinator")
			.get("/api/transnational/incoming/" + incoming.path("id").asText() + "/content")
			.json();
		assertThat(content.path("identity").path("firstName").asText()).isEqualTo(this.sentinels.get("return.firstName"));
		assertThat(content.path("identity").has("mobilePhone")).as("fields not chosen stay home").isFalse();
		assertThat(content.has("law-enforcement")).isFalse();
		assertThat(this.xk.as("demo-social").get("/api/transnational/incoming/" + incoming.path("id").asText()).status())
			.as("only the coordinator sees incoming referrals").isEqualTo(403);

		decideOnIncoming(referralId, body("referralAccepted", true, "leadAgency", "social"));
		this.xk.runJobs();
		JsonNode accepted = incoming(referralId);
		assertThat(accepted.path("status").asText()).isEqualTo("Accepted");
		String opened = accepted.path("caseReference").asText();
		assertThat(opened).startsWith("XK-");
		JsonNode identity = this.xk.journey().section("demo-social", opened, "identity").path("content");
		assertThat(identity.path("firstName").asText()).isEqualTo(this.sentinels.get("return.firstName"));
		assertThat(identity.path("nationality").asText()).isEqualTo("XK");
		assertThat(identity.path("mobilePhone").isMissingNode() || identity.path("mobilePhone").isNull()).isTrue();
		assertThat(this.xk.journey().section("demo-social", opened, "risk").path("content").path("safetyPlan").asText())
			.isEqualTo(this.sentinels.get("return.safetyPlan"));
		assertThat(this.xk.journey().caseView("demo-social", opened).path("jurisdiction").asText())
			.as("the receiving country's own law").isEqualTo("xk");
		assertThat(this.xk.journey().taskTypes("demo-social", opened))
			.as("the pathway starts there").contains(VictimIdentificationProcess.TASK_SCREEN_INDICATORS);

		awaitStatus(reference, referralId, "Accepted");
		awaitIncomingStep(referralId, "DecisionDelivered");
		this.mk.runJobs();
		JsonNode sendingCase = this.mk.journey().caseView("demo-auditor", reference);
		assertThat(sendingCase.path("status").asText()).isEqualTo("ClosedReferred");
		assertThat(sendingCase.path("closureReason").asText()).isEqualTo("ReferredElsewhere");
		assertThat(steps(status(reference, referralId))).contains("SendingCaseClosed");
		assertThat(this.mk.bean(RuntimeService.class).createProcessInstanceQuery()
			.processInstanceBusinessKey(reference).count()).as("every process of the sending case ended").isZero();

		assertThat(auditDetails(this.mk, hash)).as("MK's trail").anyMatch(detail -> detail.startsWith("Approved"))
			.anyMatch(detail -> detail.startsWith("Delivered")).anyMatch(detail -> detail.startsWith("Accepted"));
		assertThat(auditDetails(this.xk, hash)).as("XK's trail").anyMatch(detail -> detail.startsWith("Delivered"))
			.anyMatch(detail -> detail.startsWith("Accepted"));
		assertThat(this.xk.jdbc().queryForObject("select count(*) from nrm_transnational_incoming "
				+ "where referral_id = ? and sealed_package is not null", Long.class, referralId))
			.as("the package is kept only until the answer").isZero();
	}

	@Test
	@Order(2)
	void a_decline_travels_back_with_its_reason_and_the_proposer_cannot_approve_their_own_referral() {
		TestUsers.ensure(this.mk.bean(IdentityService.class), "mk-social-coordinator", "social", "coordinator");
		String reference = kosovarReadyToReturn("decline");
		JsonNode proposed = this.mk.as("mk-social-coordinator")
			.post("/api/cases/" + reference + "/transnational-referrals", proposal("Transfer", false, RETURN_FIELDS))
			.json();
		String referralId = proposed.path("id").asText();
		this.mk.journey().complete("demo-social", reference, TransnationalReferralProcess.TASK_RECORD_CONSENT,
				body("consentGiven", true));

		String approval = this.mk.journey()
			.task("demo-coordinator", reference, TransnationalReferralProcess.TASK_APPROVE_REFERRAL)
			.path("id")
			.asText();
		Api.Client proposer = this.mk.as("mk-social-coordinator");
		assertThat(proposer.post("/api/tasks/" + approval + "/claim").status()).isEqualTo(204);
		Api.Response ownApproval = proposer.post("/api/tasks/" + approval + "/complete", body("referralApproved", true));
		assertThat(ownApproval.status()).isEqualTo(400);
		assertThat(ownApproval.json().path("errors").path("referralApproved").asText()).contains("someone other");
		assertThat(proposer.post("/api/tasks/" + approval + "/unclaim").status()).isEqualTo(204);
		this.mk.journey().complete("demo-coordinator", reference, TransnationalReferralProcess.TASK_APPROVE_REFERRAL,
				body("referralApproved", true));
		awaitStatus(reference, referralId, "Delivered");

		decideOnIncoming(referralId, body("referralAccepted", false, "declineReason", "UnsafeToReturn"));

		JsonNode declined = awaitStatus(reference, referralId, "Declined");
		assertThat(declined.path("declineReason").asText()).isEqualTo("UnsafeToReturn");
		this.mk.runJobs();
		assertThat(this.mk.journey().caseView("demo-social", reference).path("status").asText())
			.as("the case goes on here").isEqualTo("Active");
		JsonNode incoming = incoming(referralId);
		assertThat(incoming.path("status").asText()).isEqualTo("Declined");
		assertThat(incoming.path("declineReason").asText()).isEqualTo("UnsafeToReturn");
		assertThat(incoming.has("caseReference")).isFalse();
		awaitIncomingStep(referralId, "DecisionDelivered");
		assertThat(this.xk.jdbc().queryForObject("select count(*) from nrm_transnational_incoming "
				+ "where referral_id = ? and sealed_package is not null", Long.class, referralId))
			.as("a declined package is kept nowhere").isZero();
	}

	@Test
	@Order(3)
	void while_the_receiver_is_down_delivery_retries_and_escalates_and_once_it_is_back_nothing_is_lost_or_doubled()
			throws Exception {
		String reference = kosovarReadyToReturn("down");
		this.xk.context().close();
		String referralId = propose(reference, "Return", false, RETURN_FIELDS).path("id").asText();
		this.mk.journey().complete("demo-social", reference, TransnationalReferralProcess.TASK_RECORD_CONSENT,
				body("consentGiven", true));
		this.mk.journey().complete("demo-coordinator", reference, TransnationalReferralProcess.TASK_APPROVE_REFERRAL,
				body("referralApproved", true));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode sent = status(reference, referralId);
			assertThat(sent.path("status").asText()).isEqualTo("Sent");
			assertThat(sent.path("delivery").path("attempts").asInt()).isGreaterThanOrEqualTo(3);
			assertThat(sent.path("delivery").path("lastError").asText()).startsWith("unreachable");
		});
		// The sending coordinator's page says why in words, with the technical detail in brackets (DeliveryProblem).
		Api.Response page = WebappSession.pages(this.mk.api(), "demo-coordinator", Api.DEMO_PASSWORD)
			.get("/transnational");
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		assertThat(page.body()).contains("The peer could not be reached (").doesNotContain("unreachable: ");

		try {
			// A day and an hour later on both instances' clock, which keeps running (the retries go on meanwhile).
			ClockUtil.offset(Duration.ofHours(25).toMillis());
			this.mk.runJobs();
			assertThat(this.mk.journey().taskTypes("demo-supervisor", reference))
				.as("the missed delivery is escalated like any other deadline")
				.contains(DeadlineEscalationProcess.TASK_FOLLOW_UP_OVERDUE_TASK);

			this.xk = start("XK", this.xkPort, postgres(this.xkPostgres));
			captureTheLog();
			awaitStatus(reference, referralId, "Delivered");
			assertThat(this.mk.journey().taskTypes("demo-supervisor", reference))
				.as("the receipt closes the escalation")
				.doesNotContain(DeadlineEscalationProcess.TASK_FOLLOW_UP_OVERDUE_TASK);
		}
		finally {
			ClockUtil.reset();
		}

		// The same referral again, as the sender sends it after a receipt lost on the way: a new message (its own id and
		// validity) with the same package. It is acknowledged, and it is still one referral.
		String body = this.mk.jdbc().queryForObject("select body from nrm_transnational_outbox where referral_id = ? "
				+ "and message_type = 'referral'", (rs, n) -> new String(rs.getBytes(1), StandardCharsets.UTF_8), referralId);
		@SuppressWarnings("unchecked")
		Map<String, Object> claims = new com.fasterxml.jackson.databind.ObjectMapper().readValue(body, Map.class);
		PeerMessages mkMessages = this.mk.bean(Exchange.class).messages();
		PeerMessages.Signed again = mkMessages.sign("XK", claims);
		Api.Response duplicate = deliver(again.compact());
		assertThat(duplicate.status()).as(duplicate.toString()).isEqualTo(200);
		assertThat(mkMessages.verifyReceipt(duplicate.body(), "XK", again, referralId).string("result"))
			.isEqualTo("duplicate");

		assertThat(this.xk.jdbc().queryForObject("select count(*) from nrm_transnational_incoming where referral_id = ?",
				Long.class, referralId)).as("one referral").isEqualTo(1);
		assertThat(this.xk.bean(RuntimeService.class).createProcessInstanceQuery()
			.processDefinitionKey(IncomingTransnationalReferralProcess.KEY)
			.processInstanceBusinessKey(referralId)
			.count()).as("one answer to give").isEqualTo(1);
		assertThat(steps(incoming(referralId))).containsSubsequence("Delivered", "DeliveredAgain");
		JsonNode content = this.xk.as("demo-coordinator")
			.get("/api/transnational/incoming/" + incoming(referralId).path("id").asText() + "/content")
			.json();
		assertThat(content.path("identity").path("firstName").asText()).as("nothing lost")
			.isEqualTo(this.sentinels.get("down.firstName"));
		decideOnIncoming(referralId, body("referralAccepted", true, "leadAgency", "ngo"));
		this.xk.runJobs();
		assertThat(incoming(referralId).path("status").asText()).isEqualTo("Accepted");
		awaitStatus(reference, referralId, "Accepted");
		awaitIncomingStep(referralId, "DecisionDelivered");
	}

	@Test
	@Order(4)
	void altered_forged_replayed_and_expired_messages_are_refused_recorded_and_change_nothing() throws IOException {
		PeerMessages mkMessages = this.mk.bean(Exchange.class).messages();
		String referralId = UUID.randomUUID().toString();
		Peers.Peer xkAsSeenFromMk = this.mk.bean(Exchange.class).peer("XK").orElseThrow();
		PeerMessages.Sealed sealed = mkMessages.seal(xkAsSeenFromMk, referralId,
				("{\"version\":1,\"referralId\":\"" + referralId + "\"}").getBytes(StandardCharsets.UTF_8));
		Map<String, Object> referral = new LinkedHashMap<>();
		referral.put("type", "referral");
		referral.put("ref", referralId);
		referral.put("referralKind", "Return");
		referral.put("hash", sealed.hash());
		referral.put("pkg", sealed.jwe());
		String genuine = mkMessages.sign("XK", referral).compact();
		String[] parts = genuine.split("\\.");
		String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
		assertThat(claims).contains("\"Return\"");
		String altered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
			.encodeToString(claims.replace("\"Return\"", "\"Transfer\"").getBytes(StandardCharsets.UTF_8)) + "."
				+ parts[2];
		Map<String, Object> swapped = new LinkedHashMap<>(referral);
		swapped.put("pkg", flipJwe(sealed.jwe()));
		String resealed = mkMessages.sign("XK", swapped).compact();
		InstanceKeys albanian = InstanceKeys.parse(InstanceKeys.generate("AL"));
		String fromAlbania = new PeerMessages(albanian, Peers.read(
				new org.springframework.core.io.ByteArrayResource("peers: []".getBytes(StandardCharsets.UTF_8)),
				text -> text, "AL"), "AL", Duration.ofMinutes(5), Duration.ofMinutes(1))
			.sign("XK", Map.of("type", "withdrawal", "ref", referralId))
			.compact();
		String withdrawal = mkMessages.sign("XK", Map.of("type", "withdrawal", "ref", referralId)).compact();
		ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofMinutes(10))));
		String old = mkMessages.sign("XK", Map.of("type", "withdrawal", "ref", referralId)).compact();
		ClockUtil.reset();

		assertThat(deliver(withdrawal).status()).as("a withdrawal of a referral never received is acknowledged")
			.isEqualTo(200);
		DatabaseSnapshot before = DatabaseSnapshot.of(this.xk.bean(DataSource.class));
		long refusalsBefore = refusals(this.xk);

		Map<String, Api.Response> answers = new LinkedHashMap<>();
		answers.put("bad-signature", deliver(altered));
		answers.put("invalid-package", deliver(resealed));
		answers.put("unknown-peer", deliver(fromAlbania));
		answers.put("replayed", deliver(withdrawal));
		answers.put("expired", deliver(old));

		assertThat(answers.get("bad-signature").status()).isEqualTo(401);
		assertThat(answers.get("invalid-package").status()).isEqualTo(400);
		assertThat(answers.get("unknown-peer").status()).isEqualTo(403);
		assertThat(answers.get("replayed").status()).isEqualTo(409);
		assertThat(answers.get("expired").status()).isEqualTo(401);
		assertThat(answers.get("bad-signature").json().path("reason").asText()).isEqualTo("bad-signature");
		assertThat(answers.get("invalid-package").json().path("reason").asText())
			.isIn("hash-mismatch", "undecryptable-package");
		answers.forEach((expected, answer) -> {
			assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
			assertThat(answer.json().path("detail").asText()).isNotBlank();
		});
		assertThat(answers.get("expired").json().path("reason").asText()).isEqualTo("expired");
		assertThat(answers.get("replayed").json().path("reason").asText()).isEqualTo("replayed");
		assertThat(answers.get("unknown-peer").json().path("reason").asText()).isEqualTo("unknown-peer");
		assertOnlyTheRefusalsWereWritten(before, refusalsBefore, answers.size());
	}

	@Test
	@Order(5)
	void bad_input_to_the_peer_endpoint_gets_a_clear_4xx_and_writes_nothing_but_the_record_of_it() {
		Api.Client anyone = this.xk.api().anonymous();
		DatabaseSnapshot before = DatabaseSnapshot.of(this.xk.bean(DataSource.class));
		long refusalsBefore = refusals(this.xk);

		List<Api.Response> refused = List.of(
				anyone.postRaw("/peer/v1/messages", "{\"type\":\"referral\"}", MediaType.APPLICATION_JSON),
				anyone.postRaw("/peer/v1/messages", "", "application/jose"),
				anyone.postRaw("/peer/v1/messages", "not.a.message!", "application/jose"),
				anyone.postRaw("/peer/v1/messages", "eyJhbGciOiJub25lIn0.eyJpc3MiOiJNSyJ9.", "application/jose"),
				anyone.postRaw("/peer/v1/messages", "a".repeat(600_000) + ".b.c", "application/jose"),
				anyone.postRaw("/peer/v1/messages", "${jndi:ldap://x}.a.b", "application/jose"));
		assertThat(refused).extracting(Api.Response::status).containsExactly(415, 400, 400, 400, 413, 400);
		Pattern internals = Pattern.compile("\\bat [a-z]+\\.[a-z]+\\.|\\.java:\\d+|Exception\\b|SQL|ACT_");
		refused.forEach(answer -> assertThat(answer.body()).doesNotContainPattern(internals).doesNotContain("jndi"));
		assertOnlyTheRefusalsWereWritten(before, refusalsBefore, refused.size());

		assertThat(anyone.get("/peer/v1/messages").status()).as("nothing else is open here").isEqualTo(404);
		assertThat(anyone.post("/peer/v1/other", body("a", 1)).status()).isEqualTo(404);
		assertThat(this.xk.as("demo-admin").get("/peer/v1/anything").status()).isEqualTo(404);
		Api.Response keys = anyone.get("/peer/v1/keys");
		assertThat(keys.status()).isEqualTo(200);
		assertThat(keys.json().path("keys")).hasSize(2).allSatisfy(key -> assertThat(key.has("d")).isFalse());
		assertThat(this.xk.api().anonymous().get("/api/transnational/referrals").status()).isEqualTo(401);
	}

	/** A referral waiting for the receiving coordinator's answer, for the page test and the withdrawal after it. */
	private String waitingReference;

	private String waitingReferralId;

	@Test
	@Order(6)
	void the_receiving_coordinator_reads_a_waiting_referral_on_the_page_and_others_are_refused_it() {
		String reference = kosovarReadyToReturn("withdrawn");
		String referralId = propose(reference, "Return", false, RETURN_FIELDS).path("id").asText();
		this.mk.journey().complete("demo-social", reference, TransnationalReferralProcess.TASK_RECORD_CONSENT,
				body("consentGiven", true));
		this.mk.journey().complete("demo-coordinator", reference, TransnationalReferralProcess.TASK_APPROVE_REFERRAL,
				body("referralApproved", true));
		awaitStatus(reference, referralId, "Delivered");
		this.waitingReference = reference;
		this.waitingReferralId = referralId;

		BrowserScenarios.run("transnational-coordinator-reads-incoming",
				Map.of("baseUrl", "http://localhost:" + this.xkPort, "user", "demo-coordinator", "password",
						Api.DEMO_PASSWORD, "codes",
						SecondFactorCodes.forBrowser(this.xk.api(), Api.DEMO_PASSWORD, "demo-coordinator"), "referralId",
						referralId, "fromCountry", "MK", "expectedValue", this.sentinels.get("withdrawn.firstName")));
		BrowserScenarios.run("transnational-refuses-others", Map.of("baseUrl", "http://localhost:" + this.xkPort,
				"user", "demo-social", "password", Api.DEMO_PASSWORD, "codes",
				SecondFactorCodes.forBrowser(this.xk.api(), Api.DEMO_PASSWORD, "demo-social")));
		assertThat(auditEntries(this.xk, "package read before answering"))
			.as("the coordinator's look at the package is recorded").isGreaterThanOrEqualTo(1);
	}

	@Test
	@Order(7)
	void consent_withdrawn_before_acceptance_withdraws_the_referral_on_both_sides() {
		String reference = this.waitingReference;
		String referralId = this.waitingReferralId;
		assertThat(referralId).as("the waiting referral of the test before").isNotNull();
		JsonNode waiting = incoming(referralId);

		Api.Response withdrawal = this.mk.as("demo-social").post("/api/cases/" + reference + "/consent-withdrawals",
				body("purpose", "TransnationalReferral", "recipient", "XK"));
		assertThat(withdrawal.status()).as(withdrawal.toString()).isEqualTo(204);

		assertThat(status(reference, referralId).path("status").asText()).isEqualTo("Withdrawn");
		assertThat(this.mk.bean(RuntimeService.class).createProcessInstanceQuery()
			.processDefinitionKey(TransnationalReferralProcess.KEY).processInstanceBusinessKey(reference).count()).isZero();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(incoming(referralId).path("status").asText()).isEqualTo("Withdrawn"));
		assertThat(this.xk.bean(TaskService.class).createTaskQuery().processInstanceBusinessKey(referralId).count())
			.as("nothing left to answer there").isZero();
		assertThat(this.xk.jdbc().queryForObject("select count(*) from nrm_transnational_incoming "
				+ "where id = ? and sealed_package is not null", Long.class, waiting.path("id").asText())).isZero();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(
				() -> assertThat(steps(status(reference, referralId))).contains("WithdrawalDelivered"));
		assertThat(this.mk.journey().caseView("demo-social", reference).path("status").asText()).isEqualTo("Active");
	}

	@Test
	@Order(8)
	void consent_withdrawn_after_acceptance_stops_further_sharing_and_the_case_there_goes_on() {
		String reference = kosovarReadyToReturn("after");
		String referralId = propose(reference, "Assistance", true, Map.of("identity", List.of("firstName",
				"nationality"))).path("id").asText();
		this.mk.journey().complete("demo-social", reference, TransnationalReferralProcess.TASK_RECORD_CONSENT,
				body("consentGiven", true));
		this.mk.journey().complete("demo-coordinator", reference, TransnationalReferralProcess.TASK_APPROVE_REFERRAL,
				body("referralApproved", true));
		awaitStatus(reference, referralId, "Delivered");
		decideOnIncoming(referralId, body("referralAccepted", true, "leadAgency", "social"));
		this.xk.runJobs();
		awaitStatus(reference, referralId, "Accepted");
		this.mk.runJobs();
		assertThat(this.mk.journey().caseView("demo-social", reference).path("status").asText())
			.as("assistance abroad leaves the case open here").isEqualTo("Active");
		String opened = incoming(referralId).path("caseReference").asText();

		Api.Response withdrawal = this.mk.as("demo-social").post("/api/cases/" + reference + "/consent-withdrawals",
				body("purpose", "TransnationalReferral", "recipient", "XK"));
		assertThat(withdrawal.status()).isEqualTo(204);

		JsonNode stopped = status(reference, referralId);
		assertThat(stopped.path("status").asText()).isEqualTo("Accepted");
		assertThat(stopped.path("sharingStopped").asBoolean()).isTrue();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(incoming(referralId).path("sharingStopped").asBoolean()).isTrue());
		assertThat(this.xk.journey().caseView("demo-social", opened).path("status").asText())
			.as("the person's case there goes on under that country's law").isEqualTo("Active");
		assertThat(this.mk.jdbc().queryForObject("select count(*) from nrm_transnational_outbox where referral_id = ? "
				+ "and message_type = 'referral'", Long.class, referralId)).as("nothing more was shared").isEqualTo(1);
		Api.Response again = this.mk.as("demo-social").post("/api/cases/" + reference + "/transnational-referrals",
				proposal("Assistance", true, Map.of("identity", List.of("firstName"))));
		assertThat(again.status()).isEqualTo(201);
		this.mk.journey().complete("demo-social", reference, TransnationalReferralProcess.TASK_RECORD_CONSENT,
				body("consentGiven", false));
		assertThat(status(reference, again.json().path("id").asText()).path("status").asText())
			.as("sharing again needs consent again").isEqualTo("NotConsented");
	}

	@Test
	@Order(9)
	void a_child_is_referred_home_with_the_guardians_consent_and_not_without_it() {
		String reference = childReadyToReturn();
		JsonNode proposed = propose(reference, "Return", false, Map.of("identity", List.of("firstName", "nationality",
				"birthdate")));
		String referralId = proposed.path("id").asText();
		assertThat(this.mk.journey().findTask("demo-social", reference,
				TransnationalReferralProcess.TASK_RECORD_GUARDIAN_CONSENT)).as("the caseworker does not consent for a child")
			.isEmpty();
		this.mk.journey().complete("demo-guardian", reference, TransnationalReferralProcess.TASK_RECORD_GUARDIAN_CONSENT,
				body("consentGiven", true));
		this.mk.journey().complete("demo-coordinator", reference, TransnationalReferralProcess.TASK_APPROVE_REFERRAL,
				body("referralApproved", true));
		awaitStatus(reference, referralId, "Delivered");

		decideOnIncoming(referralId, body("referralAccepted", true, "leadAgency", "social"));
		this.xk.runJobs();
		String opened = incoming(referralId).path("caseReference").asText();
		assertThat(this.xk.journey().caseView("demo-social", opened).path("ageGroup").asText())
			.as("a child there too").isEqualTo("Child");
		assertThat(this.xk.journey().taskTypes("demo-social", opened)).as("the pathway starts there")
			.contains(VictimIdentificationProcess.TASK_SCREEN_INDICATORS);
		awaitStatus(reference, referralId, "Accepted");
		this.mk.runJobs();
		assertThat(this.mk.journey().caseView("demo-auditor", reference).path("status").asText())
			.isEqualTo("ClosedReferred");
		assertThat(consentsToReferral(reference)).as("consent in the ledger, given by the guardian")
			.containsExactly("Guardian demo-guardian");
	}

	@Test
	@Order(11)
	void a_childs_new_guardian_consents_to_a_referral_proposed_before_the_change() {
		String reference = childReadyToReturn();
		propose(reference, "Return", false, Map.of("identity", List.of("firstName")));
		TestUsers.ensure(this.mk.bean(IdentityService.class), "mk-new-guardian", "guardian");

		Api.Response changed = this.mk.as("demo-social").put("/api/cases/" + reference + "/guardian",
				body("guardianUserId", "mk-new-guardian", "reason", "The former guardian has a conflict of interest."));

		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(this.mk.journey().findTask("demo-guardian", reference,
				TransnationalReferralProcess.TASK_RECORD_GUARDIAN_CONSENT)).as("not the former guardian's any more").isEmpty();
		RuntimeService mkRuntime = this.mk.bean(RuntimeService.class);
		assertThat(mkRuntime.createVariableInstanceQuery()
			.processInstanceIdIn(mkRuntime.createProcessInstanceQuery()
				.processDefinitionKey(TransnationalReferralProcess.KEY)
				.processInstanceBusinessKey(reference)
				.singleResult()
				.getId())
			.variableName(TransnationalReferralProcess.Variables.GUARDIAN)
			.singleResult()
			.getValue()).as("the guardian the referral names").isEqualTo("mk-new-guardian");
		this.mk.journey().complete("mk-new-guardian", reference,
				TransnationalReferralProcess.TASK_RECORD_GUARDIAN_CONSENT, body("consentGiven", true));
		assertThat(consentsToReferral(reference)).as("given by the new guardian")
			.containsExactly("Guardian mk-new-guardian");
	}

	/** The consent decisions to a transnational referral of the case: who gave each and who recorded it. */
	private List<String> consentsToReferral(String reference) {
		return this.mk.jdbc().queryForList("select given_by || ' ' || recorded_by from nrm_consent "
				+ "where purpose = 'TransnationalReferral' and case_id = (select case_id from nrm_case where reference = ?)",
				String.class, reference);
	}

	@Test
	@Order(10)
	void a_receiving_coordinator_who_misses_the_response_time_is_escalated_there_and_the_late_answer_still_counts() {
		String reference = kosovarReadyToReturn("late");
		String referralId = propose(reference, "Return", false, RETURN_FIELDS).path("id").asText();
		this.mk.journey().complete("demo-social", reference, TransnationalReferralProcess.TASK_RECORD_CONSENT,
				body("consentGiven", true));
		this.mk.journey().complete("demo-coordinator", reference, TransnationalReferralProcess.TASK_APPROVE_REFERRAL,
				body("referralApproved", true));
		awaitStatus(reference, referralId, "Delivered");
		Instant respondBy = Instant.parse(incoming(referralId).path("respondBy").asText());
		TaskService xkTasks = this.xk.bean(TaskService.class);

		try {
			// An hour past the answer's due time on the receiving instance's clock.
			ClockUtil.offset(Duration.between(Instant.now(), respondBy).plusHours(1).toMillis());
			this.xk.runJobs();
			Task followUp = xkTasks.createTaskQuery()
				.processInstanceBusinessKey(referralId)
				.processDefinitionKey(DeadlineEscalationProcess.KEY)
				.taskDefinitionKey(DeadlineEscalationProcess.TASK_FOLLOW_UP_OVERDUE_TASK)
				.singleResult();
			assertThat(followUp).as("the missed answer is escalated like any other deadline").isNotNull();
			JsonNode supervisorsList = this.xk.as("demo-supervisor").get("/api/tasks?maxResults=100").json();
			assertThat(supervisorsList.path("tasks").findValuesAsText("id")).as("in the supervisor's task list there")
				.contains(followUp.getId());
			assertThat(this.mk.bean(RuntimeService.class).createProcessInstanceQuery()
				.processDefinitionKey(DeadlineEscalationProcess.KEY)
				.processInstanceBusinessKey(reference)
				.count()).as("the sending side met its own deadline: nothing escalated there").isZero();

			decideOnIncoming(referralId, body("referralAccepted", true, "leadAgency", "social"));
			this.xk.runJobs();
			assertThat(xkTasks.createTaskQuery().taskId(followUp.getId()).count())
				.as("the answer closes the escalation").isZero();
			assertThat(this.xk.bean(RuntimeService.class).createProcessInstanceQuery()
				.processDefinitionKey(DeadlineEscalationProcess.KEY)
				.processInstanceBusinessKey(referralId)
				.count()).isZero();
			// The answer was queued on the moved clock, so it is due from that moment on: wait for its delivery before
			// the clock goes back, or an attempt that starts after the reset finds it not yet due (for days).
			awaitIncomingStep(referralId, "DecisionDelivered");
		}
		finally {
			ClockUtil.reset();
		}
		assertThat(incoming(referralId).path("status").asText()).isEqualTo("Accepted");
		awaitStatus(reference, referralId, "Accepted");
	}

	@Test
	@Order(19)
	void delivery_runs_on_threads_of_its_own_and_leaves_spring_boots_task_executor_in_place() {
		for (Instance instance : List.of(this.mk, this.xk)) {
			assertThat(instance.context().containsBean("applicationTaskExecutor"))
				.as("%s: Spring Boot's task executor is not displaced by the module's delivery threads", instance.country())
				.isTrue();
			assertThat(instance.context().getBeansOfType(Executor.class).values())
				.as("%s: no executor bean of the transnational module", instance.country())
				.noneMatch(executor -> executor instanceof ThreadPoolTaskExecutor pool
						&& pool.getThreadNamePrefix().startsWith("transnational-"));
		}
		assertThat(Thread.getAllStackTraces().keySet()).as("delivery attempts ran on the module's own threads")
			.anyMatch(thread -> thread.getName().startsWith("transnational-delivery-"));
	}

	@Test
	@Order(20)
	void no_package_content_is_in_any_engine_table_or_log_and_none_is_readable_in_a_table_of_ours_on_either_side() {
		List<String> values = List.copyOf(this.sentinels.values());
		assertThat(values).hasSizeGreaterThan(20);
		for (Instance instance : List.of(this.mk, this.xk)) {
			DataSource dataSource = instance.bean(DataSource.class);
			PlaintextScan.Result engine = PlaintextScan.of(dataSource).scan("ACT_", values);
			assertThat(engine.rows()).isGreaterThan(500);
			assertThat(engine.matches()).as("sentinels in %s's engine tables", instance.country()).isEmpty();
			PlaintextScan.Result ours = PlaintextScan.of(dataSource).scan("nrm_", values);
			assertThat(ours.tableNames()).contains("nrm_transnational_outbox", "nrm_transnational_incoming",
					"nrm_transnational_referral", "nrm_case_file_section");
			assertThat(ours.matches()).as("sentinels readable in %s's tables", instance.country()).isEmpty();
		}
		List<String> lines = this.log.list.stream().map(TransnationalReferralIT::rendered).toList();
		assertThat(lines).as("the log was captured").isNotEmpty();
		assertThat(lines).as("sentinels in the log")
			.allSatisfy(line -> values.forEach(value -> assertThat(line.toLowerCase()).doesNotContain(value.toLowerCase())));
	}

	// ---- the two countries' people at work ----

	/**
	 * An adult Kosovo citizen met by a labour inspection in North Macedonia: screened, presumed a victim with reasonable
	 * grounds, consenting to referral and police cooperation, risk assessed; social services lead. The case file holds
	 * who the person is (a sentinel in every text field), a safety plan, service needs and a police statement note.
	 */
	private String kosovarReadyToReturn(String label) {
		CaseJourney journey = this.mk.journey();
		String reference = journey.open("demo-police", ADULT_BY_POLICE);
		journey.complete("demo-police", reference, VictimIdentificationProcess.TASK_SCREEN_INDICATORS,
				CaseJourney.ADULT_LABOUR_INDICATORS);
		journey.complete("demo-police", reference, VictimIdentificationProcess.TASK_CONFIRM_SCREENING_OUTCOME,
				body("presumedVictim", true));
		journey.complete("demo-authority", reference, VictimIdentificationProcess.TASK_DECIDE_REASONABLE_GROUNDS,
				body("reasonableGrounds", "Positive"));
		journey.complete("demo-police", reference, NrmCaseProcess.TASK_RECORD_CONSENT,
				body("consentToReferral", true, "consentToServices", true, "consentToShareWith", List.of("social"),
						"consentToPoliceCooperation", true));
		assessRisk(reference);
		writeSections(reference, label, "1990-04-1" + (this.sentinels.size() % 9), true);
		this.mk.runJobs();
		return reference;
	}

	private String childReadyToReturn() {
		CaseJourney journey = this.mk.journey();
		String reference = journey.open("demo-police", CHILD_BY_POLICE);
		journey.complete("demo-police", reference, VictimIdentificationProcess.TASK_SCREEN_INDICATORS,
				body("observedIndicators", List.of("DeceivedAboutJob", "AbductedOrSold", "TooYoungForWork",
						"HazardousWork")));
		journey.complete("demo-police", reference, VictimIdentificationProcess.TASK_CONFIRM_SCREENING_OUTCOME,
				body("presumedVictim", true));
		journey.complete("demo-authority", reference, VictimIdentificationProcess.TASK_DECIDE_REASONABLE_GROUNDS,
				body("reasonableGrounds", "Positive"));
		journey.complete("demo-social", reference, ChildProtectionProcess.TASK_APPOINT_GUARDIAN,
				body("guardianUserId", "demo-guardian"));
		journey.complete("demo-guardian", reference, ChildProtectionProcess.TASK_RECORD_GUARDIAN_CONSENT,
				body("consentToServices", true, "consentToShareWithAgencies", List.of(), "childViewsHeard", true));
		Api.Response early = this.mk.as("demo-social").post("/api/cases/" + reference + "/transnational-referrals",
				proposal("Return", false, Map.of("identity", List.of("firstName"))));
		assertThat(early.status()).as("no return before a risk assessment: %s", early).isEqualTo(409);
		assessRisk(reference);
		journey.complete("demo-social", reference, AssistancePlanProcess.TASK_DRAFT_ASSISTANCE_PLAN,
				body("plannedServices", List.of("MedicalCare"), "writtenWith", "Guardian", "planReference", "PLAN/C/1"));
		journey.complete("demo-supervisor", reference, AssistancePlanProcess.TASK_APPROVE_ASSISTANCE_PLAN,
				body("planApproved", true));
		Api.Response beforeDetermination = this.mk.as("demo-social")
			.post("/api/cases/" + reference + "/transnational-referrals",
					proposal("Return", false, Map.of("identity", List.of("firstName"))));
		assertThat(beforeDetermination.status()).as("no child's return before the best interests: %s",
				beforeDetermination).isEqualTo(409);
		journey.complete("demo-social", reference, ChildProtectionProcess.TASK_DETERMINE_BEST_INTERESTS,
				body("placementInBestInterests", true, "familyContactInBestInterests", true, "returnInBestInterests", true));
		writeSections(reference, "child", "2012-02-1" + (this.sentinels.size() % 9), false);
		this.mk.runJobs();
		return reference;
	}

	private void assessRisk(String reference) {
		this.mk.journey().complete("demo-police", reference, RiskAssessmentProcess.TASK_ASSESS_RISK_AS_POLICE,
				body("riskRating", "Medium", "riskFactors", List.of("TraffickersAtLarge")));
		this.mk.journey().complete("demo-social", reference, RiskAssessmentProcess.TASK_ASSESS_RISK_AS_CASE_MANAGER,
				body("riskRating", "Medium", "riskFactors", List.of("DebtOutstanding")));
	}

	private void writeSections(String reference, String label, String birthdate, boolean cooperatesWithPolice) {
		put("demo-social", reference, "identity", body("firstName", sentinel(label + ".firstName", "Arbëreshë"),
				"secondName", sentinel(label + ".secondName", "Krasniqi"), "birthdate", birthdate, "nationality", "XK",
				"languages", List.of("sq"), "mobilePhone", "+38344" + (100000 + this.sentinels.size() * 7919 % 899999),
				"identityDocument", sentinel(label + ".document", "P")));
		put("demo-social", reference, "risk", body("safetyPlan", sentinel(label + ".safetyPlan", "Safe house"),
				"notes", sentinel(label + ".riskNotes", "Notes")));
		put("demo-social", reference, "services", body("needs", sentinel(label + ".needs", "Needs"), "arrangements",
				sentinel(label + ".arrangements", "Arranged")));
		if (cooperatesWithPolice) {
			put("demo-police", reference, "law-enforcement", body("notes", sentinel(label + ".police", "Statement")));
		}
	}

	private void put(String userId, String reference, String section, Map<String, Object> content) {
		Api.Response written = this.mk.as(userId).put("/api/cases/" + reference + "/file/" + section, content);
		assertThat(written.status()).as("write %s: %s", section, written).isEqualTo(200);
	}

	private String sentinel(String key, String prefix) {
		String value = prefix + "-Sentinel-" + key.replace('.', '-') + "-" + MARK;
		this.sentinels.put(key, value);
		return value;
	}

	private JsonNode propose(String reference, String kind, boolean servicesContinue, Map<String, List<String>> fields) {
		Api.Response proposed = this.mk.as("demo-social").post("/api/cases/" + reference + "/transnational-referrals",
				proposal(kind, servicesContinue, fields));
		assertThat(proposed.status()).as("propose: %s", proposed).isEqualTo(201);
		return proposed.json();
	}

	private static Map<String, Object> proposal(String kind, boolean servicesContinue, Map<String, List<String>> fields) {
		return body("country", "XK", "kind", kind, "servicesContinue", servicesContinue, "suspectedExploitation",
				"LabourExploitation", "interpreterNeeded", true, "fields", fields);
	}

	private JsonNode status(String reference, String referralId) {
		Api.Response list = this.mk.as("demo-coordinator").get("/api/cases/" + reference + "/transnational-referrals");
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		for (JsonNode referral : list.json()) {
			if (referral.path("id").asText().equals(referralId)) {
				return referral;
			}
		}
		throw new AssertionError("No referral " + referralId + " in " + list.body());
	}

	private JsonNode awaitStatus(String reference, String referralId, String expected) {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(
				() -> assertThat(status(reference, referralId).path("status").asText()).isEqualTo(expected));
		return status(reference, referralId);
	}

	private JsonNode incoming(String referralId) {
		Api.Response all = this.xk.as("demo-coordinator").get("/api/transnational/referrals");
		assertThat(all.status()).as(all.toString()).isEqualTo(200);
		for (JsonNode referral : all.json().path("incoming")) {
			if (referral.path("referralId").asText().equals(referralId)) {
				return referral;
			}
		}
		throw new AssertionError("No incoming referral " + referralId);
	}

	private void awaitIncomingStep(String referralId, String step) {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(steps(incoming(referralId))).contains(step));
	}

	/** The receiving coordinator claims and answers the referral's task through the task API. */
	private void decideOnIncoming(String referralId, Map<String, Object> answer) {
		Task task = this.xk.bean(TaskService.class)
			.createTaskQuery()
			.processInstanceBusinessKey(referralId)
			.taskDefinitionKey(IncomingTransnationalReferralProcess.TASK_DECIDE_ON_INCOMING_REFERRAL)
			.singleResult();
		assertThat(task).as("the coordinator's task for %s", referralId).isNotNull();
		JsonNode listed = this.xk.as("demo-coordinator").get("/api/tasks?maxResults=100").json();
		assertThat(listed.path("tasks").findValuesAsText("id")).as("in the coordinator's task list").contains(task.getId());
		Api.Client coordinator = this.xk.as("demo-coordinator");
		assertThat(coordinator.post("/api/tasks/" + task.getId() + "/claim").status()).isEqualTo(204);
		Api.Response completed = coordinator.post("/api/tasks/" + task.getId() + "/complete", answer);
		assertThat(completed.status()).as(completed.toString()).isEqualTo(204);
	}

	private Api.Response deliver(String compact) {
		return this.xk.api().anonymous().postRaw("/peer/v1/messages", compact, "application/jose");
	}

	private void assertOnlyTheRefusalsWereWritten(DatabaseSnapshot before, long refusalsBefore, int refused) {
		Map<String, String> changes = DatabaseSnapshot.of(this.xk.bean(DataSource.class)).changesSince(before);
		assertThat(changes.keySet()).as("changes: %s", changes).isSubsetOf(Set.of("nrm_audit_entry", "nrm_audit_content"));
		assertThat(refusals(this.xk) - refusalsBefore).as("each refusal recorded").isEqualTo(refused);
	}

	private static long refusals(Instance instance) {
		return instance.jdbc().queryForObject("select count(*) from nrm_audit_entry where type = 'PeerMessageRefused'",
				Long.class);
	}

	private static List<String> auditDetails(Instance instance, String hash) {
		return instance.jdbc().queryForList("select c.detail from nrm_audit_entry e join nrm_audit_content c "
				+ "on c.sequence = e.sequence where e.type = 'TransnationalReferral' and c.detail like ?", String.class,
				"%" + hash + "%");
	}

	private static long auditEntries(Instance instance, String detail) {
		return instance.jdbc().queryForObject("select count(*) from nrm_audit_entry e join nrm_audit_content c "
				+ "on c.sequence = e.sequence where e.type = 'TransnationalReferral' and c.detail = ?", Long.class, detail);
	}

	private static List<String> steps(JsonNode referral) {
		List<String> steps = new ArrayList<>();
		referral.path("steps").forEach(step -> steps.add(step.path("step").asText()));
		return steps;
	}

	// ---- the two instances ----

	private Instance start(String country, int port, Map<String, Object> database) {
		Map<String, Object> properties = new HashMap<>(database);
		properties.put("server.port", port);
		properties.put("nrm.cases.jurisdiction", country.toLowerCase());
		properties.put("nrm.cases.reference-prefix", country);
		properties.put("nrm.transnational.enabled", true);
		properties.put("nrm.transnational.generate-keys", true);
		properties.put("nrm.transnational.keys-file", this.folder.resolve(country.toLowerCase() + "-keys.json"));
		properties.put("nrm.transnational.publish-public-keys-to", this.folder.resolve("published"));
		properties.put("nrm.transnational.peers-location", "file:" + this.peersFile);
		properties.put("nrm.transnational.delivery.poll-interval", "PT0.2S");
		properties.put("nrm.transnational.delivery.first-retry", "PT0.2S");
		properties.put("nrm.transnational.delivery.max-retry", "PT1S");
		properties.put("nrm.transnational.delivery.request-timeout", "PT5S");
		ConfigurableApplicationContext context = ServiceRuns.start("demo", properties);
		return new Instance(country, context, Api.on(context.getEnvironment()), CaseJourney.on(context),
				new JdbcTemplate(context.getBean(DataSource.class)));
	}

	private static Map<String, Object> postgres(EmbeddedPostgres postgres) {
		return Map.of("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"), "spring.datasource.username",
				"postgres", "spring.datasource.password", "postgres");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String flip(String base64url, int at) {
		char c = base64url.charAt(at);
		return base64url.substring(0, at) + (c == 'A' ? 'B' : 'A') + base64url.substring(at + 1);
	}

	private static String flipJwe(String jwe) {
		String[] parts = jwe.split("\\.", -1);
		parts[3] = flip(parts[3], 0);
		return String.join(".", parts);
	}

	private void captureTheLog() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		root.setLevel(Level.INFO);
		if (!this.log.isStarted()) {
			this.log.setContext(context);
			this.log.start();
		}
		root.detachAppender(this.log);
		root.addAppender(this.log);
	}

	private void releaseTheLog() {
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		root.detachAppender(this.log);
		root.setLevel(Level.WARN);
	}

	private static String rendered(ILoggingEvent event) {
		String arguments = event.getArgumentArray() == null ? ""
				: Arrays.stream(event.getArgumentArray()).map(String::valueOf).collect(Collectors.joining(" "));
		String throwable = event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy());
		return event.getLoggerName() + " " + event.getFormattedMessage() + " " + arguments + " "
				+ event.getMDCPropertyMap() + " " + throwable;
	}
}
