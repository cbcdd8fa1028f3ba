package org.opennrm.risk;

/**
 * The {@code RiskAssessment} model ({@code processes/risk/RiskAssessment.bpmn}): police and the case manager assess
 * the risk to the person together, by the clock {@value #CLOCK}; the higher rating wins ({@code CombinedRiskLevel.dmn})
 * and goes to the case registry.
 * <p>
 * Called with the case reference as business key and {@code caseId}, {@code caseReference}, {@code jurisdiction} and
 * {@link Variables#ASSESSMENT_REASON}; gives back {@link Variables#RISK_LEVEL}. No messages, no errors.
 */
public final class RiskAssessmentProcess {

	public static final String KEY = "RiskAssessment";

	/** The jurisdiction clock both assessments are due by. */
	public static final String CLOCK = "risk-assessment";

	/** The decision that combines the two ratings. */
	public static final String DECISION_COMBINED_RISK_LEVEL = "CombinedRiskLevel";

	public static final String START_EVENT_RISK_ASSESSMENT_REQUESTED = "StartEvent_RiskAssessmentRequested";

	public static final String SUB_PROCESS_ASSESS_RISK_TOGETHER = "SubProcess_AssessRiskTogether";

	public static final String START_EVENT_JOINT_ASSESSMENT_STARTED = "StartEvent_JointAssessmentStarted";

	public static final String TASK_ASSESS_RISK_AS_POLICE = "Task_AssessRiskAsPolice";

	public static final String TASK_ASSESS_RISK_AS_CASE_MANAGER = "Task_AssessRiskAsCaseManager";

	public static final String END_EVENT_BOTH_ASSESSED = "EndEvent_BothAssessed";

	public static final String TASK_COMBINE_RISK_RATINGS = "Task_CombineRiskRatings";

	public static final String TASK_RECORD_RISK_ASSESSMENT = "Task_RecordRiskAssessment";

	public static final String END_EVENT_RISK_ASSESSED = "EndEvent_RiskAssessed";

	public static final String BOUNDARY_EVENT_ASSESSMENT_REMINDER = "BoundaryEvent_AssessRiskTogetherReminder";

	public static final String TASK_REMIND_ASSESSMENT_OWNER = "Task_RemindAssessRiskTogetherOwner";

	public static final String END_EVENT_ASSESSMENT_OWNER_REMINDED = "EndEvent_AssessRiskTogetherOwnerReminded";

	public static final String BOUNDARY_EVENT_ASSESSMENT_OVERDUE = "BoundaryEvent_AssessRiskTogetherOverdue";

	public static final String CALL_ACTIVITY_ESCALATE_ASSESSMENT = "CallActivity_EscalateAssessRiskTogether";

	public static final String END_EVENT_ASSESSMENT_ESCALATED = "EndEvent_AssessRiskTogetherEscalated";

	/** Variable names. */
	public static final class Variables {

		/** In: why the assessment is made, an {@link AssessmentReason} name. */
		public static final String ASSESSMENT_REASON = "assessmentReason";

		/** Out: the combined risk level, {@code Low}, {@code Medium} or {@code High}. */
		public static final String RISK_LEVEL = "riskLevel";

		/** A rating form's fields; local to each assessment task, so the two never overwrite each other. */
		public static final String RISK_RATING = "riskRating";

		/** Sensitive: goes to the case file's risk section, never to the process. */
		public static final String RISK_FACTORS = "riskFactors";

		/** Each assessment as it leaves its task. */
		public static final String POLICE_RISK_RATING = "policeRiskRating";

		public static final String CASE_MANAGER_RISK_RATING = "caseManagerRiskRating";

		private Variables() {
		}
	}

	/** Why a risk assessment is made (domain brief, D7). */
	public enum AssessmentReason {
		Placement, Return, Periodic
	}

	private RiskAssessmentProcess() {
	}
}
