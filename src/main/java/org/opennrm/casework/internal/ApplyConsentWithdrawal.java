package org.opennrm.casework.internal;

import org.opennrm.i18n.Text;
import org.opennrm.i18n.ProcessTexts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opennrm.cases.Case;
import org.opennrm.cases.CaseVariables;
import org.opennrm.cases.Cases;
import org.opennrm.casework.NrmCaseProcess;
import org.opennrm.casework.NrmCaseProcess.Variables;
import org.opennrm.consent.ConsentPurpose;
import org.opennrm.notifications.Notification;
import org.opennrm.notifications.Notifications;
import org.springframework.stereotype.Component;

/**
 * A withdrawal of consent (already in the ledger) takes effect in the process: cooperation with police stops, an
 * agency is no longer among those information is shared with. The person's own services go on whatever was withdrawn.
 */
@Component("applyConsentWithdrawal")
class ApplyConsentWithdrawal implements JavaDelegate {

	private final Cases cases;

	private final Notifications notifications;

	ApplyConsentWithdrawal(Cases cases, Notifications notifications) {
		this.cases = cases;
		this.notifications = notifications;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ConsentPurpose purpose = ConsentPurpose.valueOf((String) execution.getVariable(Variables.WITHDRAWN_PURPOSE));
		String recipient = (String) execution.getVariable(Variables.WITHDRAWN_RECIPIENT);
		switch (purpose) {
			case PoliceCooperation -> {
				execution.setVariable(Variables.CONSENT_TO_POLICE_COOPERATION, false);
				execution.getProcessEngineServices()
					.getRuntimeService()
					.createMessageCorrelation(NrmCaseProcess.MESSAGE_POLICE_COOPERATION_WITHDRAWN)
					.processInstanceId(execution.getProcessInstanceId())
					.correlateAllWithResult();
			}
			case SharingWithAgency -> {
				Object shared = execution.getVariable(Variables.CONSENT_TO_SHARE_WITH);
				List<Object> remaining = shared instanceof Collection<?> agencies ? new ArrayList<>(agencies)
						: new ArrayList<>();
				remaining.remove(recipient);
				execution.setVariable(Variables.CONSENT_TO_SHARE_WITH, remaining);
			}
			case Services -> execution.setVariable(Variables.CONSENT_TO_SERVICES, false);
			case Referral -> execution.setVariable("consentToReferral", false);
			// A transnational referral listens for the withdrawal itself (transnational module): before it is accepted
			// it is withdrawn on both sides, afterwards nothing more is shared. The case's own path does not change.
			case TransnationalReferral -> {
			}
		}
		Case current = this.cases.findById((String) execution.getVariable(CaseVariables.CASE_ID)).orElseThrow();
		this.notifications.notifyGroups(List.of(current.leadAgency()), current.reference(),
				Notification.Kind.ConsentWithdrawn,
				recipient == null ? Text.of("notification.subject.consentWithdrawn", Text.of("enum.ConsentPurpose." + purpose))
						: Text.of("notification.subject.consentWithdrawnFor", Text.of("enum.ConsentPurpose." + purpose),
								Text.orElse(ProcessTexts.group(recipient.toString()), recipient.toString())));
	}
}
