package org.opennrm.referral.internal;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.opennrm.cases.Case;
import org.opennrm.cases.Cases;
import org.opennrm.platform.Problems;
import org.opennrm.referral.CaseReferralProcess;
import org.opennrm.referral.OpenCase;
import org.opennrm.security.CurrentUser;
import org.opennrm.security.NrmUser;
import org.opennrm.security.Role;
import org.opennrm.tasks.FormValues;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens cases by starting a case referral as the signed-in worker, and shows a case to those involved in it. */
@Service
@Transactional
class CaseReferrals {

	private final RuntimeService runtimeService;

	private final Cases cases;

	private final FormValues formValues;

	CaseReferrals(RuntimeService runtimeService, Cases cases, FormValues formValues) {
		this.runtimeService = runtimeService;
		this.cases = cases;
		this.formValues = formValues;
	}

	Case open(OpenCase intake) {
		NrmUser user = CurrentUser.get();
		if (!user.groupIds().contains(intake.referringAgency())) {
			throw Problems.forbidden("You can open a case only for your own agency.");
		}
		Map<String, Object> variables = this.formValues.fromRecord(intake).variables();
		ProcessInstance instance = this.runtimeService.createProcessInstanceByKey(CaseReferralProcess.KEY)
			.setVariables(variables)
			.execute();
		return this.cases.findByReference(instance.getBusinessKey()).orElseThrow();
	}

	/**
	 * The case as the registry knows it, for its lead agency, whoever opened it, supervisors and auditors. Others get
	 * a 404, so they cannot learn that the reference exists.
	 */
	@Transactional(readOnly = true)
	Case find(String reference) {
		NrmUser user = CurrentUser.get();
		return this.cases.findByReference(reference)
			.filter(found -> user.groupIds().contains(found.leadAgency()) || user.userId().equals(found.openedBy())
					|| user.has(Role.SUPERVISOR) || user.has(Role.AUDITOR))
			.orElseThrow(() -> Problems.notFound("No such case, or it is not visible to you."));
	}
}
