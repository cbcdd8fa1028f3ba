package org.opennrm.casefile.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.opennrm.casefile.BreakGlassOpened;
import org.opennrm.casefile.CaseAccess;
import org.opennrm.casefile.ReferralSharesChanged;
import org.opennrm.casefile.Section;
import org.opennrm.cases.Case;
import org.opennrm.cases.Cases;
import org.opennrm.handoff.Handoff;
import org.opennrm.handoff.Handoffs;
import org.opennrm.i18n.Text;
import org.opennrm.platform.EngineClock;
import org.opennrm.platform.Problems;
import org.opennrm.security.CurrentUser;
import org.opennrm.security.NrmUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Access beyond the usual scope: what a referring caseworker shares with a hand-off, and break-glass. */
@Component
class CaseFileGrants {

	private final AccessPolicy policy;

	private final Cases cases;

	private final CaseAccess access;

	private final Handoffs handoffs;

	private final ReferralShares shares;

	private final BreakGlassLedger breakGlass;

	private final ApplicationEventPublisher events;

	CaseFileGrants(AccessPolicy policy, Cases cases, CaseAccess access, Handoffs handoffs, ReferralShares shares,
			BreakGlassLedger breakGlass, ApplicationEventPublisher events) {
		this.policy = policy;
		this.cases = cases;
		this.access = access;
		this.handoffs = handoffs;
		this.shares = shares;
		this.breakGlass = breakGlass;
		this.events = events;
	}

	/** Opens the case file for the signed-in supervisor until the policy's break-glass time runs out. */
	@Transactional
	Instant breakGlass(String reference, String reason) {
		NrmUser user = CurrentUser.get();
		if (user.groupIds().stream().noneMatch(this.policy.breakGlass().roles()::contains)) {
			throw Problems.forbidden("problem.breakGlass.notYourRole");
		}
		Case target = this.cases.findByReference(reference)
			.orElseThrow(() -> Problems.notFound("problem.case.notFound"));
		Instant now = EngineClock.now();
		Instant until = now.plus(this.policy.breakGlass().duration());
		this.breakGlass.open(target.caseId(), user.userId(), reason, now, until);
		this.events.publishEvent(new BreakGlassOpened(target.caseId(), reference, user.userId(), reason, now, until));
		return until;
	}

	/** What the hand-off shares now: the referring caseworker's choice, or the policy's default for the service. */
	Set<Section> sharedSections(String reference, String handoffId) {
		Handoff handoff = partyTo(reference, handoffId, CurrentUser.get(), false);
		return this.shares.sharedWith(handoff)
			.orElseGet(() -> this.policy.referralDefaults().getOrDefault(handoff.service(), Set.of()));
	}

	/** The referring agency chooses what the receiving agency may see while the hand-off is open. */
	@Transactional
	Set<Section> share(String reference, String handoffId, Set<Section> sections) {
		NrmUser user = CurrentUser.get();
		Handoff handoff = partyTo(reference, handoffId, user, true);
		if (handoff.status().isEnded()) {
			throw Problems.conflict("problem.handoff.ended");
		}
		Set<Section> refused = EnumSet.noneOf(Section.class);
		sections.stream().filter(section -> !this.policy.shareable().contains(section)).forEach(refused::add);
		if (!refused.isEmpty()) {
			throw Problems.badRequest("problem.handoff.neverShared", sectionNames(refused));
		}
		sections.stream()
			.filter(section -> !this.policy.sections().get(section).read().contains(handoff.receivingAgency()))
			.forEach(refused::add);
		if (!refused.isEmpty()) {
			throw Problems.badRequest("problem.handoff.roleNeverReads", sectionNames(refused));
		}
		Instant now = EngineClock.now();
		this.shares.set(handoff, sections, user.userId(), now);
		this.events.publishEvent(new ReferralSharesChanged(handoff.caseId(), handoff.id(), handoff.receivingAgency(),
				Set.copyOf(sections), user.userId(), now));
		return Set.copyOf(sections);
	}

	private Handoff partyTo(String reference, String handoffId, NrmUser user, boolean mustRefer) {
		Case target = this.cases.findByReference(reference)
			.filter(found -> this.access.involved(user, found))
			.orElseThrow(() -> Problems.notFound("problem.case.notFound"));
		Handoff handoff = this.handoffs.ofCase(target.caseId())
			.stream()
			.filter(candidate -> candidate.id().equals(handoffId))
			.findFirst()
			.orElseThrow(() -> Problems.notFound("problem.handoff.notFound"));
		boolean refers = user.groupIds().contains(handoff.referringAgency());
		if (mustRefer && !refers) {
			throw Problems.forbidden("problem.handoff.referrerChooses");
		}
		if (!refers && !handoff.hasParty(user.groupIds())) {
			throw Problems.notFound("problem.handoff.notFound");
		}
		return handoff;
	}

	/** Sections named in the reader's language, as a list. */
	private static Text sectionNames(java.util.Collection<Section> sections) {
		return Text.list(sections.stream().map(Section::key).sorted().map(key -> Text.of("section." + key)).toList());
	}
}
