package org.opennrm.demo.internal;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.opennrm.cases.AgeGroup;
import org.opennrm.casework.NrmCaseProcess;
import org.opennrm.casework.OpenCase;
import org.opennrm.casework.OpenCase.ContactSetting;
import org.opennrm.casework.OpenCase.ExploitationForm;
import org.opennrm.security.RunAs;
import org.opennrm.tasks.FormValues;
import org.springframework.stereotype.Component;

/**
 * A handful of clearly synthetic cases (references start with {@code DEMO}), each waiting at a different step, driven
 * through the engine as the demo users would drive them.
 */
@Component
class DemoCases {

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final ManagementService managementService;

	private final FormValues formValues;

	private final RunAs runAs;

	private final JobExecutor jobExecutor;

	DemoCases(RuntimeService runtimeService, TaskService taskService, ManagementService managementService,
			FormValues formValues, RunAs runAs, ProcessEngineConfiguration engineConfiguration) {
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.managementService = managementService;
		this.formValues = formValues;
		this.runAs = runAs;
		this.jobExecutor = ((ProcessEngineConfigurationImpl) engineConfiguration).getJobExecutor();
	}

	void seed() {
		// 1. Police operation, labour exploitation: waiting for police to screen.
		open("demo-police", new OpenCase("police", ContactSetting.PoliceOperation, AgeGroup.Adult,
				ExploitationForm.LabourExploitation, true, true));
		// 2. NGO outreach, sexual exploitation.
		open("demo-ngo", new OpenCase("ngo", ContactSetting.Outreach, AgeGroup.Adult,
				ExploitationForm.SexualExploitation, false, false));
		// 3. A child of uncertain age seen at a health facility, forced begging.
		open("demo-health", new OpenCase("health", ContactSetting.HealthFacility, AgeGroup.Uncertain,
				ExploitationForm.ForcedBegging, true, true));
	}

	private String open(String userId, OpenCase intake) {
		String reference = this.runAs.user(userId, () -> this.runtimeService
			.createProcessInstanceByKey(NrmCaseProcess.KEY)
			.setVariables(this.formValues.fromRecord(intake).variables())
			.execute()
			.getBusinessKey());
		runJobs();
		return reference;
	}

	void complete(String userId, String reference, String taskKey, Record form) {
		this.runAs.user(userId, () -> {
			Task task = this.taskService.createTaskQuery()
				.processInstanceBusinessKey(reference)
				.taskDefinitionKey(taskKey)
				.singleResult();
			this.taskService.claim(task.getId(), userId);
			this.taskService.complete(task.getId(), this.formValues.fromRecord(form).variables());
		});
		runJobs();
	}

	/**
	 * Lets asynchronous steps run before the next step: the job executor runs them when it is active (waiting for
	 * it); otherwise (tests) they run here, in order.
	 */
	private void runJobs() {
		long deadline = System.currentTimeMillis() + 60_000;
		List<Job> jobs;
		while (!(jobs = this.managementService.createJobQuery().executable().listPage(0, 50)).isEmpty()) {
			if (System.currentTimeMillis() > deadline) {
				throw new IllegalStateException("Asynchronous steps did not run within a minute");
			}
			if (this.jobExecutor.isActive()) {
				sleep();
				continue;
			}
			for (Job job : jobs) {
				try {
					this.managementService.executeJob(job.getId());
				}
				catch (OptimisticLockingException ex) {
					// The job executor started and took it: it is done either way.
				}
			}
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
