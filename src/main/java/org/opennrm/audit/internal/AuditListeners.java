package org.opennrm.audit.internal;

import java.util.TreeMap;
import java.util.stream.Collectors;

import org.opennrm.audit.AuditEventType;
import org.opennrm.audit.AuditTrail.NewEntry;
import org.opennrm.audit.AuditTrail;
import org.opennrm.casefile.BreakGlassOpened;
import org.opennrm.casefile.ReferralSharesChanged;
import org.opennrm.casefile.Section;
import org.opennrm.casefile.SectionRead;
import org.opennrm.casefile.SectionWritten;
import org.opennrm.cases.CaseOpened;
import org.opennrm.child.GuardianChanged;
import org.opennrm.consent.ConsentDecision;
import org.opennrm.deadlines.DeadlineMissed;
import org.opennrm.oversight.AbsenceEnded;
import org.opennrm.oversight.AbsenceRecorded;
import org.opennrm.oversight.TasksReassigned;
import org.opennrm.retention.CaseErased;
import org.opennrm.security.AuthenticationFailed;
import org.opennrm.security.SecondFactorEnrolled;
import org.opennrm.security.SecondFactorRefused;
import org.opennrm.security.SecondFactorReset;
import org.opennrm.security.SecondFactorUsed;
import org.opennrm.security.SessionsEnded;
import org.opennrm.security.SignedIn;
import org.opennrm.statistics.StatisticsExported;
import org.opennrm.transnational.IncomingPackageRead;
import org.opennrm.transnational.PeerMessageRefused;
import org.opennrm.transnational.TransnationalReferralMoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the service's own events into audit entries. The listeners run synchronously in the publisher's transaction,
 * so an event and its entry commit together: if the service stops right after the commit, both are there.
 */
@Component
class AuditListeners {

	private final AuditTrail trail;

	AuditListeners(AuditTrail trail) {
		this.trail = trail;
	}

	@EventListener
	void on(CaseOpened event) {
		this.trail.append(new NewEntry(event.openedBy(), AuditEventType.CaseOpened, event.caseId(), event.reference(),
				null, null, null, "lead agency " + event.leadAgency()));
	}

	@EventListener
	void on(SectionRead event) {
		this.trail.append(new NewEntry(event.userId(), AuditEventType.SectionRead, event.caseId(), event.reference(),
				null, event.section().key(), event.purpose(), "basis " + event.basis().key()));
	}

	@EventListener
	void on(SectionWritten event) {
		this.trail.append(new NewEntry(event.userId(), AuditEventType.SectionWritten, event.caseId(), event.reference(),
				null, event.section().key(), event.basis() == null ? "TaskCompletion" : null,
				"version " + event.version() + (event.basis() == null ? "" : ", basis " + event.basis().key())));
	}

	@EventListener
	void on(BreakGlassOpened event) {
		this.trail.append(new NewEntry(event.userId(), AuditEventType.BreakGlass, event.caseId(), event.reference(),
				null, null, event.reason(), "open until " + event.expiresAt()));
	}

	@EventListener
	void on(ReferralSharesChanged event) {
		this.trail.append(new NewEntry(event.userId(), AuditEventType.ReferralShared, event.caseId(), null, null,
				"hand-off " + event.handoffId(), "ServiceDelivery", "shared with " + event.receivingAgency() + ": "
						+ event.sections().stream().map(Section::key).sorted().collect(Collectors.joining(", "))));
	}

	@EventListener
	void on(ConsentDecision event) {
		this.trail.append(new NewEntry(event.recordedBy(), AuditEventType.ConsentChanged, event.caseId(), null, null,
				event.purpose().name() + (event.recipient() == null ? "" : " to " + event.recipient()), null,
				(event.given() ? "given" : "withdrawn") + " by the " + event.givenBy().name().toLowerCase()));
	}

	@EventListener
	void on(TasksReassigned event) {
		for (TasksReassigned.Reassignment task : event.tasks()) {
			this.trail.append(new NewEntry(event.by(), AuditEventType.Oversight, null, task.caseReference(), null,
					"task " + task.taskId(), event.reason(), "reassigned " + task.taskType() + " from "
							+ (task.from() == null ? "-" : task.from()) + " to " + task.to()));
		}
	}

	@EventListener
	void on(GuardianChanged event) {
		this.trail.append(new NewEntry(event.by(), AuditEventType.GuardianChanged, event.caseId(), event.reference(),
				null, "guardian", event.reason(), "from " + event.from() + " to " + event.to()));
	}

	@EventListener
	void on(AbsenceRecorded event) {
		this.trail.append(new NewEntry(event.by(), AuditEventType.Oversight, null, null, null,
				"absence of " + event.userId(), event.reason(), "covered by " + event.substitute() + " from "
						+ event.firstDay() + " to " + event.lastDay()));
	}

	@EventListener
	void on(AbsenceEnded event) {
		this.trail.append(new NewEntry(event.by() == null ? "system" : event.by(), AuditEventType.Oversight, null, null,
				null, "absence of " + event.userId(), null, "cover by " + event.substitute() + " ended"));
	}

	@EventListener
	void on(DeadlineMissed event) {
		this.trail.append(new NewEntry("system", AuditEventType.DeadlineMissed, null, event.caseReference(), null,
				"task " + event.taskKey(), null, "escalated to the supervisors at " + event.at()));
	}

	@EventListener
	void on(CaseErased event) {
		this.trail.append(new NewEntry(event.erasedBy(), AuditEventType.Erasure, null, null, null,
				"stub " + event.stubId(), "RetentionEnded", "jurisdiction " + event.jurisdiction() + ", removed "
						+ new TreeMap<>(event.removed())));
	}

	@EventListener
	void on(AuthenticationFailed event) {
		this.trail.append(new NewEntry(event.attemptedUserId(), AuditEventType.LoginFailed, null, null, null,
				event.channel(), null, null));
	}

	@EventListener
	void on(SignedIn event) {
		this.trail.append(new NewEntry(event.userId(), AuditEventType.Login, null, null, null, "sign-in", null,
				event.method()));
	}

	@EventListener
	void on(SecondFactorEnrolled event) {
		this.trail.append(new NewEntry(event.userId(), AuditEventType.SecondFactor, null, null, null,
				"second factor of " + event.userId(), null, "enrolled"));
	}

	@EventListener
	void on(SecondFactorUsed event) {
		this.trail.append(new NewEntry(event.userId(), AuditEventType.SecondFactor, null, null, null,
				"second factor of " + event.userId(), null, "used: " + event.kind()));
	}

	@EventListener
	void on(SecondFactorRefused event) {
		this.trail.append(new NewEntry(event.userId(), AuditEventType.SecondFactor, null, null, null,
				"second factor of " + event.userId(), null, "refused: " + event.reason()));
	}

	@EventListener
	void on(SecondFactorReset event) {
		this.trail.append(new NewEntry(event.by(), AuditEventType.SecondFactor, null, null, null,
				"second factor of " + event.userId(), event.reason(), "reset"));
	}

	@EventListener
	void on(SessionsEnded event) {
		this.trail.append(new NewEntry(event.by(), AuditEventType.SessionEnded, null, null, null,
				"sessions of " + event.userId(), null, event.count() + " ended: " + event.reason()));
	}

	@EventListener
	void on(TransnationalReferralMoved event) {
		this.trail.append(new NewEntry(event.actor(), AuditEventType.TransnationalReferral, event.caseId(),
				event.caseReference(), null, "referral " + event.referralId() + (event.direction()
						== TransnationalReferralMoved.Direction.Outgoing ? " to " : " from ") + event.peerCountry(),
				"TransnationalReferral", event.step() + (event.detail() == null ? "" : " (" + event.detail() + ")")
						+ (event.packageHash() == null ? "" : ", package sha256 " + event.packageHash())));
	}

	@EventListener
	void on(IncomingPackageRead event) {
		this.trail.append(new NewEntry(event.userId(), AuditEventType.TransnationalReferral, null, null, null,
				"referral " + event.referralId() + " from " + event.peerCountry(), "TransnationalReferral",
				"package read before answering"));
	}

	@EventListener
	void on(PeerMessageRefused event) {
		this.trail.append(new NewEntry(event.claimedPeer() == null ? "unknown-peer" : "peer:" + event.claimedPeer(),
				AuditEventType.PeerMessageRefused, null, null, null, "peer endpoint", null,
				"refused " + event.reason() + " with " + event.status()));
	}

	@EventListener
	void on(StatisticsExported event) {
		this.trail.append(new NewEntry(event.userId(), AuditEventType.Export, null, null, null,
				"statistics " + event.export(), null, "period " + event.period() + ", jurisdiction "
						+ (event.jurisdiction() == null ? "all" : event.jurisdiction()) + ", format " + event.format()));
	}
}
