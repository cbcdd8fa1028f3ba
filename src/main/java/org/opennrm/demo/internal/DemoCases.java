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
import org.opennrm.handoff.RespondToReferral;
import org.opennrm.handoff.ServiceHandoffProcess;
import org.opennrm.referral.AssessImmediateNeeds;
import org.opennrm.referral.AssessImmediateNeeds.RiskLevel;
import org.opennrm.referral.CaseReferralProcess;
import org.opennrm.referral.OpenCase;
import org.opennrm.referral.OpenCase.ContactSetting;
import org.opennrm.referral.ScreenIndicators;
import org.opennrm.referral.ScreenIndicators.ExploitationForm;
import org.opennrm.referral.ScreenIndicators.IndicatorLevel;
import org.opennrm.referral.ScreenIndicators.ReasonNotPresumed;
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
		// 1. Waiting for police to screen.
		open("demo-police", new OpenCase("police", ContactSetting.PoliceOperation, false, true));

		// 2. Presumed victim found by an NGO outreach team: waiting for social services to assess needs.
		String outreach = open("demo-ngo", new OpenCase("ngo", ContactSetting.Outreach, false, false));
		complete("demo-ngo", outreach, CaseReferralProcess.TASK_SCREEN_INDICATORS, presumed(ExploitationForm.LabourExploitation));

		// 3. A possible child seen at a health facility: shelter and medical hand-offs waiting for NGO and health.
		String child = open("demo-health", new OpenCase("health", ContactSetting.HealthFacility, true, true));
		complete("demo-health", child, CaseReferralProcess.TASK_SCREEN_INDICATORS, presumed(ExploitationForm.ForcedBegging));
		complete("demo-social", child, CaseReferralProcess.TASK_ASSESS_IMMEDIATE_NEEDS,
				new AssessImmediateNeeds(RiskLevel.High, true, true));

		// 4. Shelter declined for lack of capacity: waiting for social services to choose another provider.
		String declined = open("demo-social", new OpenCase("social", ContactSetting.SocialServices, false, false));
		complete("demo-social", declined, CaseReferralProcess.TASK_SCREEN_INDICATORS,
				presumed(ExploitationForm.SexualExploitation));
		complete("demo-social", declined, CaseReferralProcess.TASK_ASSESS_IMMEDIATE_NEEDS,
				new AssessImmediateNeeds(RiskLevel.Medium, true, false));
		complete("demo-ngo", declined, ServiceHandoffProcess.TASK_RESPOND_TO_REFERRAL,
				new RespondToReferral(false, RespondToReferral.DeclineReason.NoCapacity));

		// 5. Screened at the border, no presumed victim: closed with the reason recorded.
		String border = open("demo-police", new OpenCase("police", ContactSetting.BorderOrTransit, false, false));
		complete("demo-police", border, CaseReferralProcess.TASK_SCREEN_INDICATORS, new ScreenIndicators(
				ExploitationForm.Unknown, IndicatorLevel.Weak, false, ReasonNotPresumed.OtherCrime));
	}

	private static ScreenIndicators presumed(ExploitationForm form) {
		return new ScreenIndicators(form, IndicatorLevel.Strong, true, null);
	}

	private String open(String userId, OpenCase intake) {
		String reference = this.runAs.user(userId, () -> this.runtimeService
			.createProcessInstanceByKey(CaseReferralProcess.KEY)
			.setVariables(this.formValues.fromRecord(intake).variables())
			.execute()
			.getBusinessKey());
		runJobs();
		return reference;
	}

	private void complete(String userId, String reference, String taskKey, Record form) {
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
