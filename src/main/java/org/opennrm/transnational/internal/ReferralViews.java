package org.opennrm.transnational.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validator;
import org.opennrm.casefile.ReferralPackages;
import org.opennrm.casefile.SectionContent;
import org.opennrm.cases.Case;
import org.opennrm.cases.Cases;
import org.opennrm.platform.EngineClock;
import org.opennrm.platform.Problems;
import org.opennrm.security.CurrentUser;
import org.opennrm.security.NrmUser;
import org.opennrm.security.Role;
import org.opennrm.transnational.IncomingPackageRead;
import org.opennrm.transnational.IncomingReferral;
import org.opennrm.transnational.ReferralStatus;
import org.opennrm.transnational.TransnationalReferral;
import org.opennrm.transnational.TransnationalReferralMoved.Direction;
import org.opennrm.transnational.internal.PeerMessages.Type;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where referrals stand, for those who follow them: a case's referrals for its lead agency, supervisors, the national
 * coordinator and auditors; every referral in and out for the national coordinator. Only the names of the fields that
 * travel are shown, except that the coordinator opens what an incoming referral carries while it waits for the answer,
 * and that look is audited.
 */
@Service
@Transactional(readOnly = true)
class ReferralViews {

	static final int RECENT = 200;

	private final Cases cases;

	private final OutgoingReferrals outgoing;

	private final IncomingReferrals incoming;

	private final ReferralSteps steps;

	private final Outbox outbox;

	private final Exchange exchange;

	private final ReferralPackages packages;

	private final Validator validator;

	private final ApplicationEventPublisher events;

	ReferralViews(Cases cases, OutgoingReferrals outgoing, IncomingReferrals incoming, ReferralSteps steps,
			Outbox outbox, Exchange exchange, ReferralPackages packages, Validator validator,
			ApplicationEventPublisher events) {
		this.cases = cases;
		this.outgoing = outgoing;
		this.incoming = incoming;
		this.steps = steps;
		this.outbox = outbox;
		this.exchange = exchange;
		this.packages = packages;
		this.validator = validator;
		this.events = events;
	}

	/** A case's referrals abroad; a user who may not follow them gets the same 404 as for an unknown reference. */
	List<TransnationalReferral> ofCase(String reference) {
		NrmUser user = CurrentUser.get();
		Case found = this.cases.findByReference(reference)
			.filter(candidate -> user.groupIds().contains(candidate.leadAgency()) || user.has(Role.SUPERVISOR)
					|| user.has(Role.COORDINATOR) || user.has(Role.AUDITOR))
			.orElseThrow(() -> Problems.notFound("problem.case.notFound"));
		return this.outgoing.ofCase(found.caseId()).stream().map(row -> view(row, found.reference())).toList();
	}

	List<TransnationalReferral> outgoing() {
		return this.outgoing.recent(RECENT)
			.stream()
			.map(row -> view(row, this.cases.findById(row.caseId()).map(Case::reference).orElse(null)))
			.toList();
	}

	List<IncomingReferral> incoming() {
		return this.incoming.recent(RECENT).stream().map(this::view).toList();
	}

	IncomingReferral incoming(String id) {
		return this.incoming.find(id).map(this::view)
			.orElseThrow(() -> Problems.notFound("problem.transnational.noIncoming"));
	}

	/**
	 * What an incoming referral carries, opened for the national coordinator while it waits for the answer. The look
	 * is recorded in the audit trail. Once answered there is nothing to open here: an accepted referral's content is
	 * in the new case's file, a declined or withdrawn one was not kept.
	 */
	@Transactional
	Map<String, SectionContent> content(String id) {
		IncomingReferrals.Row row = this.incoming.find(id)
			.orElseThrow(() -> Problems.notFound("problem.transnational.noIncoming"));
		if (row.status() != ReferralStatus.Delivered) {
			throw Problems.conflict("problem.transnational.answered");
		}
		String sealed = this.incoming.sealedPackage(id).orElseThrow();
		ReferralPackage contents = ReferralPackage.read(
				this.exchange.messages().open(sealed, row.referralId(), row.peerCountry()), row.referralId(),
				row.peerCountry(), this.exchange.country(), this.packages.transnationalSections(), this.validator);
		this.events.publishEvent(new IncomingPackageRead(row.referralId(), row.peerCountry(), CurrentUser.get().userId(),
				EngineClock.now()));
		Map<String, SectionContent> content = new LinkedHashMap<>();
		contents.content(this.packages.transnationalSections(), this.validator)
			.forEach((section, value) -> content.put(section.key(), value));
		return content;
	}

	private TransnationalReferral view(OutgoingReferrals.Row row, String reference) {
		return new TransnationalReferral(row.id(), reference, row.peerCountry(), row.kind(), row.servicesContinue(),
				row.status(), row.proposedBy(), row.proposedAt(), SharedFields.view(SharedFields.format(row.fields())),
				row.packageHash(), row.declineReason(), row.sharingStopped(),
				this.outbox.state(row.id(), Type.referral).orElse(null), this.steps.of(row.id(), Direction.Outgoing));
	}

	private IncomingReferral view(IncomingReferrals.Row row) {
		String reference = row.caseId() == null ? null
				: this.cases.findById(row.caseId()).map(Case::reference).orElse(null);
		return new IncomingReferral(row.id(), row.referralId(), row.peerCountry(), row.kind(), row.status(),
				row.receivedAt(), row.respondBy(), SharedFields.view(SharedFields.format(row.fields())),
				row.packageHash(), row.decidedBy(), row.declineReason(), reference, row.sharingStopped(),
				this.steps.of(row.id(), Direction.Incoming));
	}
}
