package org.opennrm.transnational.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Validator;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.opennrm.casefile.ReferralPackages;
import org.opennrm.casefile.Section;
import org.opennrm.casefile.SectionContent;
import org.opennrm.cases.Case;
import org.opennrm.cases.Cases;
import org.opennrm.casework.NrmCaseProcess;
import org.opennrm.casework.OpenCase;
import org.opennrm.i18n.Text;
import org.opennrm.platform.ActionRefused;
import org.opennrm.tasks.FormValues;
import org.opennrm.transnational.DeclineReason;
import org.opennrm.transnational.ReferralStatus;
import org.opennrm.transnational.internal.PeerMessages.Type;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The receiving side's decisions. A decline removes the package and sends the reason back; an acceptance opens a case
 * here under this instance's own law (its pathway, its deadlines), led by the agency the coordinator chose, with what
 * arrived written into its case file, and then sends the acceptance back.
 */
@Service
@Transactional
class Receiving {

	private final Exchange exchange;

	private final IncomingReferrals incoming;

	private final Outbox outbox;

	private final ReferralPackages packages;

	private final Validator validator;

	private final RuntimeService runtimeService;

	private final FormValues formValues;

	private final Cases cases;

	Receiving(Exchange exchange, IncomingReferrals incoming, Outbox outbox, ReferralPackages packages,
			Validator validator, RuntimeService runtimeService, FormValues formValues, Cases cases) {
		this.exchange = exchange;
		this.incoming = incoming;
		this.outbox = outbox;
		this.packages = packages;
		this.validator = validator;
		this.runtimeService = runtimeService;
		this.formValues = formValues;
		this.cases = cases;
	}

	/** The coordinator accepted: who, and which agency leads; the case opens in the next step. */
	void accepted(String incomingId, String coordinator, String leadAgency) {
		IncomingReferrals.Row referral = pending(incomingId);
		this.incoming.decidedBy(referral.id(), coordinator, leadAgency);
		this.incoming.step(referral.id(), "AcceptedByCoordinator", coordinator, leadAgency);
	}

	/** The coordinator declined: the package goes, the reason goes back. */
	void declined(String incomingId, String coordinator, DeclineReason reason) {
		IncomingReferrals.Row referral = pending(incomingId);
		this.incoming.decidedBy(referral.id(), coordinator, null);
		this.incoming.declined(referral.id(), reason);
		this.outbox.enqueue(referral.peerCountry(), Type.decision, referral.referralId(),
				decision(referral.referralId(), "Declined", reason.name()));
	}

	/**
	 * Opens the case for an accepted referral and sends the acceptance back, in one transaction. A referral withdrawn
	 * between the coordinator's answer and this step opens nothing.
	 * @return the case opened, or {@code null} when the referral was withdrawn meanwhile
	 */
	Case openCase(String incomingId) {
		IncomingReferrals.Row referral = this.incoming.find(incomingId).orElseThrow();
		referral = this.incoming.locked(referral.peerCountry(), referral.referralId()).orElseThrow();
		if (referral.status() != ReferralStatus.Delivered) {
			return null;
		}
		String sealed = this.incoming.sealedPackage(referral.id())
			.orElseThrow(() -> new IllegalStateException("Incoming referral " + incomingId + " has no package"));
		ReferralPackage contents = ReferralPackage.read(
				this.exchange.messages().open(sealed, referral.referralId(), referral.peerCountry()), referral.referralId(),
				referral.peerCountry(), this.exchange.country(), this.packages.transnationalSections(), this.validator);
		OpenCase intake = new OpenCase(referral.leadAgency(), OpenCase.ContactSetting.TransnationalReferral,
				contents.ageGroup(), contents.suspectedExploitation(), foreignNational(contents),
				contents.interpreterNeeded());
		Map<String, Object> variables = new LinkedHashMap<>(this.formValues.fromRecord(intake).variables());
		variables.put(NrmCaseProcess.Variables.OPENED_BY, referral.decidedBy());
		ProcessInstance started = this.runtimeService.createProcessInstanceByKey(NrmCaseProcess.KEY)
			.setVariables(variables)
			.execute();
		Case opened = this.cases.findByReference(started.getBusinessKey()).orElseThrow();
		Map<Section, SectionContent> content = contents.content(this.packages.transnationalSections(), this.validator);
		this.packages.importReferral(opened.caseId(), content, referral.decidedBy());
		this.incoming.accepted(referral.id(), opened.caseId());
		this.outbox.enqueue(referral.peerCountry(), Type.decision, referral.referralId(),
				decision(referral.referralId(), "Accepted", null));
		return opened;
	}

	private IncomingReferrals.Row pending(String incomingId) {
		IncomingReferrals.Row referral = this.incoming.find(incomingId).orElseThrow();
		referral = this.incoming.locked(referral.peerCountry(), referral.referralId()).orElseThrow();
		if (referral.status() != ReferralStatus.Delivered) {
			throw ActionRefused.conflict("problem.transnational.nothingToAnswer",
					Text.of("enum.ReferralStatus." + referral.status().name()));
		}
		return referral;
	}

	/** A foreign national here unless the person's nationality, if it travelled, is this country's. */
	private boolean foreignNational(ReferralPackage contents) {
		com.fasterxml.jackson.databind.JsonNode identity = contents.sections().get(Section.Identity.key());
		String nationality = identity == null ? null : identity.path("nationality").asText(null);
		return nationality == null ? contents.referralKind() != org.opennrm.transnational.ReferralKind.Return
				: !nationality.equals(this.exchange.country());
	}

	private static Map<String, Object> decision(String referralId, String decision, String reason) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put(PeerMessages.TYPE_CLAIM, Type.decision.name());
		body.put(PeerMessages.REFERRAL_CLAIM, referralId);
		body.put("decision", decision);
		if (reason != null) {
			body.put("reason", reason);
		}
		return body;
	}
}
