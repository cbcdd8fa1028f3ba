package org.opennrm.casework.internal;

import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.opennrm.casefile.CaseAccess;
import org.opennrm.cases.Case;
import org.opennrm.cases.Cases;
import org.opennrm.casework.NrmCaseProcess.Variables;
import org.opennrm.casework.NrmCaseProcess;
import org.opennrm.casework.CaseIntake;
import org.opennrm.casework.OpenCase;
import org.opennrm.consent.ConsentDecision;
import org.opennrm.consent.ConsentLedger;
import org.opennrm.consent.ConsentPurpose;
import org.opennrm.platform.InvalidFields;
import org.opennrm.platform.Problems;
import org.opennrm.platform.TrustedEngineCalls;
import org.opennrm.security.CurrentUser;
import org.opennrm.security.NrmUser;
import org.opennrm.security.Role;
import org.opennrm.tasks.FormValues;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens cases by starting the case process as the signed-in worker, shows a case to those involved in it, and lets
 * them record what can arrive at any time: a withdrawal of consent, new evidence against a negative decision.
 */
@Service
@Transactional
class CaseWorkflows implements CaseIntake {

	/** The message that reopens a negative formal decision while its reconsideration window is open. */
	static final String NEW_EVIDENCE_SUBMITTED = "NewEvidenceSubmitted";

	static final String FORMAL_IDENTIFICATION = "FormalIdentification";

	private final RuntimeService runtimeService;

	private final Cases cases;

	private final FormValues formValues;

	private final ConsentLedger ledger;

	private final TrustedEngineCalls trustedCalls;

	private final CaseAccess access;

	CaseWorkflows(RuntimeService runtimeService, Cases cases, FormValues formValues, ConsentLedger ledger,
			TrustedEngineCalls trustedCalls, CaseAccess access) {
		this.runtimeService = runtimeService;
		this.cases = cases;
		this.formValues = formValues;
		this.ledger = ledger;
		this.trustedCalls = trustedCalls;
		this.access = access;
	}

	@Override
	public Case open(OpenCase intake) {
		NrmUser user = CurrentUser.get();
		if (!user.groupIds().contains(intake.referringAgency())) {
			throw Problems.forbidden("problem.case.openForOwnAgency");
		}
		Map<String, Object> variables = this.formValues.fromRecord(intake).variables();
		ProcessInstance instance = this.runtimeService.createProcessInstanceByKey(NrmCaseProcess.KEY)
			.setVariables(variables)
			.execute();
		return this.cases.findByReference(instance.getBusinessKey()).orElseThrow();
	}

	/**
	 * Where the case stands (references and routing flags only), for those the access policy counts as involved in it
	 * now, whoever opened it, and auditors. Others get a 404, so they cannot learn that the reference exists.
	 */
	@Override
	@Transactional(readOnly = true)
	public Case find(String reference) {
		NrmUser user = CurrentUser.get();
		return this.cases.findByReference(reference)
			.filter(found -> this.access.involved(user, found) || user.userId().equals(found.openedBy())
					|| user.has(Role.AUDITOR))
			.orElseThrow(() -> Problems.notFound("problem.case.notFound"));
	}

	/**
	 * Records a withdrawal in the consent ledger and lets the case process stop what it covers. Only the lead agency
	 * (recording the person's decision) or the child's guardian may.
	 */
	void withdrawConsent(String reference, ConsentPurpose purpose, String recipient) {
		NrmUser user = CurrentUser.get();
		Case found = this.cases.findByReference(reference)
			.filter(candidate -> isInvolved(candidate, user))
			.orElseThrow(() -> Problems.notFound("problem.consent.notYourCase"));
		if (!purpose.isRecipient(recipient)) {
			throw InvalidFields.of("recipient", switch (purpose) {
				case SharingWithAgency -> "problem.consent.nameAgency";
				case TransnationalReferral -> "problem.consent.nameCountry";
				default -> "problem.consent.onlyRecipientPurposes";
			});
		}
		if (!found.isOpen()) {
			throw Problems.conflict("problem.case.closed", reference);
		}
		boolean byGuardian = isGuardian(found, user);
		this.ledger.record(found.caseId(), purpose, recipient, false,
				byGuardian ? ConsentDecision.GivenBy.Guardian : ConsentDecision.GivenBy.Person, user.userId());
		Map<String, Object> withdrawal = new java.util.HashMap<>();
		withdrawal.put(Variables.WITHDRAWN_PURPOSE, purpose.name());
		withdrawal.put(Variables.WITHDRAWN_RECIPIENT, recipient);
		// The worker may not read the case process itself: correlating is a trusted step once they are checked.
		this.trustedCalls.run(() -> this.runtimeService.createMessageCorrelation(NrmCaseProcess.MESSAGE_CONSENT_WITHDRAWN)
			.processInstanceBusinessKey(reference)
			.setVariables(withdrawal)
			.correlateAllWithResult());
	}

	/** Reopens a negative formal decision with new evidence, while its reconsideration window is open. */
	void submitNewEvidence(String reference) {
		NrmUser user = CurrentUser.get();
		this.cases.findByReference(reference)
			.filter(candidate -> isInvolved(candidate, user) || user.has(Role.AUTHORITY))
			.orElseThrow(() -> Problems.notFound("problem.evidence.notYourCase"));
		try {
			this.trustedCalls.run(() -> this.runtimeService.createMessageCorrelation(NEW_EVIDENCE_SUBMITTED)
				.processInstanceBusinessKey(reference)
				.correlateWithResult());
		}
		catch (MismatchingMessageCorrelationException ex) {
			throw Problems.conflict("problem.evidence.noWindow", reference);
		}
	}

	private static boolean isInvolved(Case found, NrmUser user) {
		return user.groupIds().contains(found.leadAgency()) || user.userId().equals(found.openedBy())
				|| isGuardian(found, user);
	}

	/** The child's guardian now: appointed, still a guardian, and the person still a child. */
	private static boolean isGuardian(Case found, NrmUser user) {
		return user.has(Role.GUARDIAN) && found.isGuardedBy(user.userId());
	}
}
