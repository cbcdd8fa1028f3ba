package org.opennrm.audit;

/** The kinds of audited events. */
public enum AuditEventType {

	/** Someone signed in to the pages and webapps (password, password and second factor, or the provider). */
	Login,
	/** A sign-in or an API authentication failed. */
	LoginFailed,
	/** A second factor was enrolled, used, refused (wrong, replayed, during a lockout), locked or reset. */
	SecondFactor,
	/** A user's sessions were ended before their time-out (sign out everywhere, revocation, reset). */
	SessionEnded,
	/** A case was opened. */
	CaseOpened,
	/** A case file section was read. */
	SectionRead,
	/** A case file section was written. */
	SectionWritten,
	/** A supervisor broke the glass. */
	BreakGlass,
	/** What a hand-off shares was chosen. */
	ReferralShared,
	/** Consent was given or withdrawn. */
	ConsentChanged,
	/** A task was claimed, assigned, delegated, completed or otherwise changed by a user (engine operation log). */
	TaskOperation,
	/** A decision table decided. */
	Decision,
	/** A user, group, membership or authorization changed. */
	IdentityChange,
	/** Another operation a user made on the engine (process instances, variables, jobs). */
	EngineOperation,
	/** A child's guardian was changed (with the reason). */
	GuardianChanged,
	/** Supervisors reassigned tasks or recorded absences. */
	Oversight,
	/** A case's personal data was erased after its retention period. */
	Erasure,
	/** An auditor read the trail or the history of a case or a user. */
	AuditRead,
	/** Data left the system as a file. */
	Export,
	/** A transnational referral moved on (sent or received), with the package's hash, never its content. */
	TransnationalReferral,
	/** A message from another instance was refused (unknown peer, bad signature, expired, replayed, malformed). */
	PeerMessageRefused,
	/** A legal deadline passed and the task was escalated (the job executor's, whichever node ran it). */
	DeadlineMissed
}
