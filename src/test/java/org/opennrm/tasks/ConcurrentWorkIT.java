package org.opennrm.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.opennrm.identification.VictimIdentificationProcess;
import org.opennrm.test.Api;
import org.opennrm.test.CaseJourney;
import org.opennrm.test.IntegrationTest;
import org.opennrm.test.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two requests on the same task at the same moment, over HTTP, repeated: exactly one wins, the other gets a 409, and
 * the engine holds the winner's result.
 */
@IntegrationTest
class ConcurrentWorkIT {

	static final String SECOND_OFFICER_PASSWORD = "Xk7#vQ2-pL9!mZ";

	@Autowired
	Api api;

	@Autowired
	CaseJourney journey;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	final ExecutorService pool = Executors.newFixedThreadPool(2);

	@BeforeEach
	void secondOfficer() {
		TestUsers.ensureWithPassword(this.identityService, "police-3", SECOND_OFFICER_PASSWORD, "police");
	}

	@AfterEach
	void stop() {
		this.pool.shutdownNow();
	}

	@RepeatedTest(10)
	void two_workers_claiming_the_same_task_at_once_one_wins_and_the_other_gets_409() throws Exception {
		String taskId = screeningTask();
		Api.Client first = this.api.as("demo-police");
		Api.Client second = this.api.as("police-3", SECOND_OFFICER_PASSWORD);

		List<Api.Response> answers = atOnce(() -> first.post("/api/tasks/" + taskId + "/claim"),
				() -> second.post("/api/tasks/" + taskId + "/claim"));

		assertThat(answers).extracting(Api.Response::status).containsExactlyInAnyOrder(204, 409);
		String winner = answers.get(0).status() == 204 ? "demo-police" : "police-3";
		assertThat(this.taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo(winner);
	}

	@RepeatedTest(10)
	void a_completion_sent_twice_at_once_completes_once_and_the_other_gets_409() throws Exception {
		String taskId = screeningTask();
		Api.Client worker = this.api.as("demo-police");
		assertThat(worker.post("/api/tasks/" + taskId + "/claim").status()).isEqualTo(204);

		List<Api.Response> answers = atOnce(() -> worker.post("/api/tasks/" + taskId + "/complete", TaskApiIT.STRONG_INDICATORS),
				() -> worker.post("/api/tasks/" + taskId + "/complete", TaskApiIT.STRONG_INDICATORS));

		assertThat(answers).extracting(Api.Response::status).containsExactlyInAnyOrder(204, 409);
		assertThat(this.taskService.createTaskQuery().taskId(taskId).count()).isZero();
	}

	private String screeningTask() {
		String reference = this.journey.open("demo-police", CaseJourney.ADULT_BY_POLICE);
		return this.journey.task("demo-police", reference, VictimIdentificationProcess.TASK_SCREEN_INDICATORS)
			.path("id")
			.asText();
	}

	@SafeVarargs
	private List<Api.Response> atOnce(Callable<Api.Response>... calls) throws Exception {
		CountDownLatch ready = new CountDownLatch(calls.length);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Api.Response>> futures = new ArrayList<>();
		for (Callable<Api.Response> call : calls) {
			futures.add(this.pool.submit(() -> {
				ready.countDown();
				go.await();
				return call.call();
			}));
		}
		assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
		go.countDown();
		List<Api.Response> answers = new ArrayList<>();
		for (Future<Api.Response> future : futures) {
			answers.add(future.get(30, TimeUnit.SECONDS));
		}
		return answers;
	}
}
