package org.opennrm.returns.internal;

import java.util.Collection;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.opennrm.cases.Case;
import org.opennrm.cases.CaseVariables;
import org.opennrm.cases.Cases;
import org.opennrm.consent.ConsentDecision.GivenBy;
import org.opennrm.i18n.Text;
import org.opennrm.returns.ArrangeReceivingPartner;
import org.opennrm.returns.ConfirmDeparture;
import org.opennrm.returns.RecordReturnConsent;
import org.opennrm.returns.VoluntaryReturnProcess.Variables;
import org.opennrm.security.Role;

/** Who may request a return, and the rules of its steps that need the process or the registry. */
final class ReturnRules {

	static final Text GUARDIAN_CONSENTS = Text.of("problem.return.guardianConsents");

	static final Text PROTECTED = Text.of("problem.return.protected");

	private ReturnRules() {
	}

	/** Police, or social services leading the case. */
	static boolean mayRequest(Case found, Collection<String> groups) {
		return groups.contains(Role.POLICE.groupId())
				|| groups.contains(Role.SOCIAL.groupId()) && groups.contains(found.leadAgency());
	}

	/** The agency a requester acts for: police, else the case's lead agency. */
	static String requestingAgency(Case found, Collection<String> groups) {
		return groups.contains(Role.POLICE.groupId()) ? Role.POLICE.groupId() : found.leadAgency();
	}

	static Map<String, Text> childConsentsThroughGuardian(RecordReturnConsent consent, DelegateTask task) {
		return Boolean.TRUE.equals(task.getVariable(Variables.IS_CHILD)) && consent.consentGivenBy() != GivenBy.Guardian
				? Map.of(Variables.CONSENT_GIVEN_BY, GUARDIAN_CONSENTS) : Map.of();
	}

	static Map<String, Text> notWhileProtected(Cases cases, ArrangeReceivingPartner arrangement, DelegateTask task) {
		return isProtected(cases, task) ? Map.of(Variables.RECEIVING_PARTNER_CONFIRMED, PROTECTED) : Map.of();
	}

	static Map<String, Text> noDepartureWhileProtected(Cases cases, ConfirmDeparture departure, DelegateTask task) {
		return Boolean.TRUE.equals(departure.departed()) && isProtected(cases, task)
				? Map.of(Variables.DEPARTED, PROTECTED) : Map.of();
	}

	/** Protected now, as the registry says; a case the registry does not know is treated as protected. */
	private static boolean isProtected(Cases cases, DelegateTask task) {
		return cases.findById((String) task.getVariable(CaseVariables.CASE_ID))
			.map(found -> found.protection().blocksRemoval())
			.orElse(true);
	}
}
