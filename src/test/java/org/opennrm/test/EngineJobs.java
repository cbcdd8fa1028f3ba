package org.opennrm.test;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.test.context.TestComponent;

/**
 * The job executor is off in tests: asynchronous steps and due timers run when a test says so, on the engine clock.
 */
@TestComponent
public class EngineJobs {

	private final ManagementService managementService;

	EngineJobs(ManagementService managementService) {
		this.managementService = managementService;
	}

	/** Runs every executable job, and the jobs those create, until none is left. */
	public void runAll() {
		List<Job> jobs;
		int rounds = 0;
		while (!(jobs = this.managementService.createJobQuery().executable().listPage(0, 100)).isEmpty()) {
			jobs.forEach(job -> this.managementService.executeJob(job.getId()));
			if (++rounds > 100) {
				throw new IllegalStateException("Jobs keep coming: a loop in a model?");
			}
		}
	}
}
