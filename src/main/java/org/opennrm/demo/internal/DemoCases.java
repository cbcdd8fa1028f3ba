package org.opennrm.demo.internal;

import java.time.Duration;
import java.time.Instant;
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
import org.camunda.bpm.engine.task.TaskQuery;
import org.opennrm.assistance.ApproveAssistancePlan;
import org.opennrm.assistance.AssistancePlanProcess;
import org.opennrm.assistance.DraftAssistancePlan;
import org.opennrm.assistance.DraftAssistancePlan.WrittenWith;
import org.opennrm.assistance.PlannedService;
import org.opennrm.cases.AgeGroup;
import org.opennrm.cases.RiskLevel;
import org.opennrm.casefile.CaseFile;
import org.opennrm.casefile.IdentitySection;
import org.opennrm.casefile.LawEnforcementSection;
import org.opennrm.casefile.Section;
import org.opennrm.casework.NrmCaseProcess;
import org.opennrm.casework.OpenCase;
import org.opennrm.casework.OpenCase.ContactSetting;
import org.opennrm.casework.RecordConsent;
import org.opennrm.deadlines.JurisdictionProfile;
import org.opennrm.deadlines.Jurisdictions;
import org.opennrm.handoff.RespondToReferral;
import org.opennrm.handoff.RespondToReferral.DeclineReason;
import org.opennrm.handoff.ServiceHandoffProcess;
import org.opennrm.identification.ConfirmScreeningOutcome;
import org.opennrm.identification.DecideReasonableGrounds;
import org.opennrm.identification.DecideReasonableGrounds.Grounds;
import org.opennrm.identification.ScreenIndicators;
import org.opennrm.identification.SuspectedExploitation;
import org.opennrm.identification.VictimIdentificationProcess;
import org.opennrm.platform.EngineClock;
import org.opennrm.risk.AssessRiskAsCaseManager;
import org.opennrm.risk.AssessRiskAsPolice;
import org.opennrm.risk.RiskAssessmentProcess;
import org.opennrm.risk.RiskFactor;
import org.opennrm.security.RunAs;
import org.opennrm.tasks.FormValues;
import org.springframework.stereotype.Component;

/**
 * A handful of clearly synthetic cases (references start with {@code DEMO}), each waiting at a different step, driven
 * through the engine as the demo users would drive them.
 */
@Component
class DemoCases {

	/** Recruitment, exploitation and coercion indicated on the adult labour checklist. */
	private static final List<String> ADULT_LABOUR = List.of("DeceivedAboutJob", "ViolenceDuringRecruitment",
			"ExcessiveHours", "LowOrNoPay", "PapersKept", "DebtBondage");

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final ManagementService managementService;

	private final FormValues formValues;

	private final RunAs runAs;

	private final JobExecutor jobExecutor;

	private final CaseFile caseFile;

	private final Jurisdictions jurisdictions;

	DemoCases(RuntimeService runtimeService, TaskService taskService, ManagementService managementService,
			FormValues formValues, RunAs runAs, ProcessEngineConfiguration engineConfiguration, CaseFile caseFile,
			Jurisdictions jurisdictions) {
		this.caseFile = caseFile;
		this.jurisdictions = jurisdictions;
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
				SuspectedExploitation.LabourExploitation, true, true));

		// 2. NGO outreach, sexual exploitation: screened, waiting for the NGO to confirm the recommendation.
		String outreach = open("demo-ngo", new OpenCase("ngo", ContactSetting.Outreach, AgeGroup.Adult,
				SuspectedExploitation.SexualExploitation, false, false));
		complete("demo-ngo", outreach, VictimIdentificationProcess.TASK_SCREEN_INDICATORS,
				new ScreenIndicators(null, List.of("DeceivedAboutJob", "NoSayOverClientsOrServices", "PapersKept")));

		// 3. A child of uncertain age seen at a health facility, forced begging: presumed a victim, grounds found,
		// waiting for social services to appoint a guardian (treated as a child meanwhile).
		String child = open("demo-health", new OpenCase("health", ContactSetting.HealthFacility, AgeGroup.Uncertain,
				SuspectedExploitation.ForcedBegging, true, true));
		presume("demo-health", child, List.of("HandedOverByFamily", "BroughtToBegByOthers", "MustHandOverTakings", "BegQuota"));
		decideGrounds(child);

		// 4. An adult met by police who cooperates: in the recovery period, a statement and the plan to write.
		String cooperating = open("demo-police", new OpenCase("police", ContactSetting.LabourInspection, AgeGroup.Adult,
				SuspectedExploitation.LabourExploitation, true, true));
		presume("demo-police", cooperating, ADULT_LABOUR);
		decideGrounds(cooperating);
		complete("demo-police", cooperating, NrmCaseProcess.TASK_RECORD_CONSENT,
				new RecordConsent(true, true, List.of("social", "ngo", "health", "police"), true));
		assessLowRisk(cooperating);
		this.runAs.user("demo-social", () -> this.caseFile.write(cooperating, Section.Identity,
				new IdentitySection("Demo", null, "Person-Four", List.of(), null, null, IdentitySection.Gender.Unknown,
						"MD", List.of("ro"), null, null), null));
		this.runAs.user("demo-police", () -> this.caseFile.write(cooperating, Section.LawEnforcement,
				new LawEnforcementSection(List.of(), "DEMO/INV/4", null, "Synthetic demo case: no real person."), null));

		// 5. Screened without indicators and not presumed a victim: closed.
		String notPresumed = open("demo-police", new OpenCase("police", ContactSetting.PoliceOperation, AgeGroup.Adult,
				SuspectedExploitation.Other, false, false));
		complete("demo-police", notPresumed, VictimIdentificationProcess.TASK_SCREEN_INDICATORS,
				new ScreenIndicators(null, List.of()));
		complete("demo-police", notPresumed, VictimIdentificationProcess.TASK_CONFIRM_SCREENING_OUTCOME,
				new ConfirmScreeningOutcome(null, false, null));

		// 6. An adult with an approved plan: shelter and medical care offered, legal aid declined and to re-route.
		String assisted = open("demo-ngo", new OpenCase("ngo", ContactSetting.Hotline, AgeGroup.Adult,
				SuspectedExploitation.LabourExploitation, true, true));
		presume("demo-ngo", assisted, ADULT_LABOUR);
		decideGrounds(assisted);
		complete("demo-ngo", assisted, NrmCaseProcess.TASK_RECORD_CONSENT,
				new RecordConsent(true, true, List.of("social", "ngo", "health"), false));
		assessLowRisk(assisted);
		complete("demo-social", assisted, AssistancePlanProcess.TASK_DRAFT_ASSISTANCE_PLAN, new DraftAssistancePlan(null,
				List.of(PlannedService.Shelter, PlannedService.MedicalCare, PlannedService.LegalAid), WrittenWith.Person,
				"PLAN/DEMO/6"));
		complete("demo-supervisor", assisted, AssistancePlanProcess.TASK_APPROVE_ASSISTANCE_PLAN,
				new ApproveAssistancePlan(null, null, true, null));
		completeFor("demo-ngo", assisted, ServiceHandoffProcess.TASK_RESPOND_TO_REFERRAL, "LegalAid",
				new RespondToReferral(null, false, DeclineReason.NoCapacity));

		// 7. Presumed a victim some eight days ago and the preliminary decision still not taken: overdue and escalated.
		// Only this thread goes back in time: the demo seeds while people may already be using the service.
		EngineClock.atForThisThread(aDayOverdue(this.jurisdictions.profile(this.jurisdictions.defaultId()),
				VictimIdentificationProcess.CLOCK_PRELIMINARY_DECISION, EngineClock.now()), () -> {
					String overdue = open("demo-police", new OpenCase("police", ContactSetting.BorderOrTransit,
							AgeGroup.Adult, SuspectedExploitation.LabourExploitation, true, true));
					presume("demo-police", overdue, ADULT_LABOUR);
				});
		runJobs();
	}

	/**
	 * When a clock must have started to have run out at least a day before {@code now} in the profile's calendar: eight
	 * days back, or further while weekends and holidays keep it running (a clock started on a Saturday runs from
	 * Monday).
	 */
	static Instant aDayOverdue(JurisdictionProfile profile, String clock, Instant now) {
		Instant started = now.minus(Duration.ofDays(8));
		while (profile.due(clock, started).isAfter(now.minus(Duration.ofDays(1)))) {
			started = started.minus(Duration.ofDays(1));
		}
		return started;
	}

	private void presume(String userId, String reference, List<String> indicators) {
		complete(userId, reference, VictimIdentificationProcess.TASK_SCREEN_INDICATORS,
				new ScreenIndicators(null, indicators));
		complete(userId, reference, VictimIdentificationProcess.TASK_CONFIRM_SCREENING_OUTCOME,
				new ConfirmScreeningOutcome(null, true, null));
	}

	private void decideGrounds(String reference) {
		complete("demo-authority", reference, VictimIdentificationProcess.TASK_DECIDE_REASONABLE_GROUNDS,
				new DecideReasonableGrounds(Grounds.Positive, null));
	}

	private void assessLowRisk(String reference) {
		complete("demo-police", reference, RiskAssessmentProcess.TASK_ASSESS_RISK_AS_POLICE,
				new AssessRiskAsPolice(null, RiskLevel.Low, List.of(RiskFactor.None)));
		complete("demo-social", reference, RiskAssessmentProcess.TASK_ASSESS_RISK_AS_CASE_MANAGER,
				new AssessRiskAsCaseManager(null, RiskLevel.Low, List.of(RiskFactor.None)));
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
		completeFor(userId, reference, taskKey, null, form);
	}

	/** Completes the task of that type on the case, of the hand-off of {@code service} when one is named. */
	void completeFor(String userId, String reference, String taskKey, String service, Record form) {
		this.runAs.user(userId, () -> {
			TaskQuery query = this.taskService.createTaskQuery()
				.processInstanceBusinessKey(reference)
				.taskDefinitionKey(taskKey);
			if (service != null) {
				query.processVariableValueEquals("service", service);
			}
			Task task = query.singleResult();
			this.taskService.claim(task.getId(), userId);
			this.taskService.complete(task.getId(), this.formValues.fromRecord(form).toCompletion());
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
