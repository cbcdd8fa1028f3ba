package org.opennrm.demo.internal;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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

	DemoCases(RuntimeService runtimeService, TaskService taskService, ManagementService managementService,
			FormValues formValues, RunAs runAs) {
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.managementService = managementService;
		this.formValues = formValues;
		this.runAs = runAs;
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
			.setVariables(this.formValues.fromRecord(intake))
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
			this.taskService.complete(task.getId(), this.formValues.fromRecord(form));
		});
		runJobs();
	}

	/** Seeding runs before the job executor starts, so asynchronous steps run here, in order. */
	private void runJobs() {
		List<Job> jobs;
		while (!(jobs = this.managementService.createJobQuery().executable().listPage(0, 50)).isEmpty()) {
			jobs.forEach(job -> this.managementService.executeJob(job.getId()));
		}
	}
}
