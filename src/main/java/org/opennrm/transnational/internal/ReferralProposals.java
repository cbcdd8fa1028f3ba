package org.opennrm.transnational.internal;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.opennrm.casefile.ReferralPackages;
import org.opennrm.casefile.Section;
import org.opennrm.cases.Case;
import org.opennrm.cases.CaseVariables;
import org.opennrm.cases.Cases;
import org.opennrm.child.GuardianChanged;
import org.opennrm.consent.ConsentDecision;
import org.opennrm.consent.ConsentLedger;
import org.opennrm.consent.ConsentPurpose;
import org.opennrm.deadlines.Deadlines;
import org.opennrm.i18n.Text;
import org.opennrm.platform.ActionRefused;
import org.opennrm.platform.InvalidFields;
import org.opennrm.platform.Problems;
import org.opennrm.platform.TrustedEngineCalls;
import org.opennrm.security.CurrentUser;
import org.opennrm.security.NrmUser;
import org.opennrm.transnational.ProposeTransnationalReferral;
import org.opennrm.transnational.ReferralKind;
import org.opennrm.transnational.ReferralStatus;
import org.opennrm.transnational.TransnationalReferralProcess.Variables;
import org.opennrm.transnational.TransnationalReferralProcess;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposals of transnational referrals by a caseworker of the agency that leads the case, and the consent step that
 * follows. The referral process has no start form (users cannot start it, ADR 20): it starts here as a trusted call
 * once the proposal passed every check.
 */
@Service
@Transactional
class ReferralProposals {

	/** Parts of sections that this instance's own tasks write (with its users' ids): not sent. */
	static final Map<Section, Set<String>> NEVER_SENT = Map.of(Section.Identification, Set.of("screenings"),
			Section.Risk, Set.of("assessments"));

	private final Exchange exchange;

	private final Cases cases;

	private final OutgoingReferrals referrals;

	private final ReferralPackages packages;

	private final RuntimeService runtimeService;

	private final TrustedEngineCalls trustedCalls;

	private final ConsentLedger ledger;

	ReferralProposals(Exchange exchange, Cases cases, OutgoingReferrals referrals, ReferralPackages packages,
			RuntimeService runtimeService, TrustedEngineCalls trustedCalls, ConsentLedger ledger) {
		this.exchange = exchange;
		this.cases = cases;
		this.referrals = referrals;
		this.packages = packages;
		this.runtimeService = runtimeService;
		this.trustedCalls = trustedCalls;
		this.ledger = ledger;
	}

	OutgoingReferrals.Row propose(String reference, ProposeTransnationalReferral proposal) {
		NrmUser user = CurrentUser.get();
		Case visible = this.cases.findByReference(reference)
			.filter(candidate -> user.groupIds().contains(candidate.leadAgency()))
			.orElseThrow(() -> Problems.notFound("problem.transnational.notYourCase"));
		// What the proposal rests on (the guardian who consents, the risk, the best interests) stays as read until it
		// commits: a guardian changed meanwhile would otherwise be given the consent task.
		Case found = this.cases.lock(visible.reference())
			.orElseThrow(() -> Problems.notFound("problem.transnational.notYourCase"));
		this.exchange.requireEnabled();
		if (!found.isOpen()) {
			throw Problems.conflict("problem.case.closed", reference);
		}
		Map<String, Text> errors = new TreeMap<>();
		if (this.exchange.peer(proposal.country()).isEmpty()) {
			errors.put("country",
					Text.of("problem.transnational.notAPeer", String.join(", ", this.exchange.peerCountries())));
		}
		Map<Section, Set<String>> fields = fields(proposal.fields(), errors);
		if (!errors.isEmpty()) {
			throw new InvalidFields(errors);
		}
		if (proposal.kind() == ReferralKind.Return && found.riskLevel() == null) {
			throw Problems.conflict("problem.transnational.riskFirst");
		}
		if (found.isChild()) {
			if (found.guardian() == null) {
				throw Problems.conflict("problem.transnational.guardianFirst");
			}
			if (proposal.kind() == ReferralKind.Return
					&& (found.bestInterests() == null || !found.bestInterests().returnInBestInterests())) {
				throw Problems.conflict("problem.transnational.bestInterestsFirst");
			}
		}
		boolean open = this.referrals.ofCase(found.caseId())
			.stream()
			.anyMatch(other -> other.peerCountry().equals(proposal.country()) && !other.status().isEnded());
		if (open) {
			throw Problems.conflict("problem.transnational.underWay", proposal.country());
		}
		String id = UUID.randomUUID().toString();
		OutgoingReferrals.Row row = this.referrals.propose(new OutgoingReferrals.Proposal(id, found.caseId(),
				proposal.country(), proposal.kind(), proposal.servicesContinue(), proposal.suspectedExploitation(),
				proposal.interpreterNeeded(), user.userId(), found.leadAgency(), fields));
		Map<String, Object> variables = new HashMap<>();
		variables.put(CaseVariables.CASE_ID, found.caseId());
		variables.put(CaseVariables.CASE_REFERENCE, found.reference());
		variables.put(Deadlines.JURISDICTION, found.jurisdiction());
		variables.put(Variables.REFERRAL_ID, id);
		variables.put(Variables.PEER_COUNTRY, proposal.country());
		variables.put(Variables.REFERRAL_KIND, proposal.kind().name());
		variables.put(Variables.CLOSES_SENDING_CASE, proposal.kind().closesSendingCase(proposal.servicesContinue()));
		variables.put(Variables.IS_CHILD, found.isChild());
		variables.put(Variables.GUARDIAN, found.isChild() ? found.guardian() : null);
		variables.put(Variables.PROPOSING_AGENCY, found.leadAgency());
		variables.put(Variables.PROPOSED_BY, user.userId());
		variables.put(Variables.SHARED_FIELDS, SharedFields.summary(fields));
		variables.put(Variables.OVERDUE_DELIVERY, "Deliver the referral to " + proposal.country());
		ProcessInstance started = this.trustedCalls.run(() -> this.runtimeService
			.createProcessInstanceByKey(TransnationalReferralProcess.KEY)
			.businessKey(found.reference())
			.setVariables(variables)
			.execute());
		this.referrals.attachProcess(id, started.getId());
		return row;
	}

	/**
	 * The person's (or the guardian's) answer, as the consent task completes: into the consent ledger, for exactly this
	 * country. A refusal ends the referral before anything was read or sent (its status changes first, so the ledger's
	 * withdrawal event finds it ended).
	 */
	void consentRecorded(String referralId, boolean given, boolean byGuardian, String recordedBy) {
		OutgoingReferrals.Row referral = this.referrals.locked(referralId).orElseThrow();
		Case found = this.cases.findById(referral.caseId()).orElseThrow();
		if (byGuardian && !found.isGuardedBy(recordedBy)) {
			throw ActionRefused.forbidden("problem.transnational.onlyGuardianConsents");
		}
		ConsentDecision.GivenBy givenBy = byGuardian ? ConsentDecision.GivenBy.Guardian : ConsentDecision.GivenBy.Person;
		if (given) {
			this.referrals.step(referralId, "ConsentGiven", recordedBy, givenBy.name());
		}
		else {
			this.referrals.move(referralId, ReferralStatus.NotConsented, recordedBy, givenBy.name());
		}
		this.ledger.record(found.caseId(), ConsentPurpose.TransnationalReferral, referral.peerCountry(), given, givenBy,
				recordedBy);
	}

	/**
	 * A child's guardian changed: the referrals of the case under way name the new guardian, so a consent task still to
	 * come is theirs (one already open has moved to them with the change).
	 */
	@EventListener
	void guardianChanged(GuardianChanged change) {
		this.trustedCalls.run(() -> {
			this.runtimeService.createProcessInstanceQuery()
				.processInstanceBusinessKey(change.reference())
				.processDefinitionKey(TransnationalReferralProcess.KEY)
				.list()
				.forEach(instance -> this.runtimeService.setVariable(instance.getId(), Variables.GUARDIAN, change.to()));
			return null;
		});
	}

	/** The chosen fields, checked against the policy and the sections' fields; errors go under {@code fields.<section>}. */
	private Map<Section, Set<String>> fields(Map<String, List<String>> chosen, Map<String, Text> errors) {
		Map<Section, Set<String>> fields = new EnumMap<>(Section.class);
		Set<Section> travels = this.packages.transnationalSections();
		chosen.forEach((key, names) -> {
			Section section = Section.byKey(key).orElse(null);
			String at = "fields." + key;
			if (section == null) {
				errors.put(at, Text.of("problem.transnational.notASection"));
				return;
			}
			if (section == Section.LawEnforcement) {
				errors.put(at, Text.of("problem.transnational.lawEnforcementStays"));
				return;
			}
			if (!travels.contains(section)) {
				errors.put(at, Text.of("problem.transnational.sectionStays"));
				return;
			}
			Set<String> known = new TreeSet<>();
			for (var component : section.type().getRecordComponents()) {
				known.add(component.getName());
			}
			Set<String> unknown = new TreeSet<>(names);
			unknown.removeAll(known);
			Set<String> internal = new TreeSet<>(names);
			internal.retainAll(NEVER_SENT.getOrDefault(section, Set.of()));
			if (!unknown.isEmpty()) {
				errors.put(at, Text.of("problem.transnational.unknownField"));
			}
			else if (!internal.isEmpty()) {
				errors.put(at, Text.of("problem.transnational.assessmentsStay"));
			}
			else {
				fields.put(section, new TreeSet<>(names));
			}
		});
		return fields;
	}
}
