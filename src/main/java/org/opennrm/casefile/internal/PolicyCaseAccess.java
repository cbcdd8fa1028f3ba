package org.opennrm.casefile.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.opennrm.cases.Case;
import org.opennrm.casefile.AccessDecision;
import org.opennrm.casefile.AccessDecision.Basis;
import org.opennrm.casefile.CaseAccess;
import org.opennrm.casefile.Section;
import org.opennrm.consent.ConsentLedger;
import org.opennrm.consent.ConsentPurpose;
import org.opennrm.deadlines.Jurisdictions;
import org.opennrm.handoff.Handoff;
import org.opennrm.handoff.Handoffs;
import org.opennrm.platform.EngineClock;
import org.opennrm.security.NrmUser;
import org.opennrm.security.Role;
import org.springframework.stereotype.Component;

/**
 * The access policy applied at the moment of the request: involvement, consent and break-glass are read then, so a
 * closed hand-off, a withdrawn consent or an expired break-glass takes effect at once.
 */
@Component
class PolicyCaseAccess implements CaseAccess {

	private final AccessPolicy policy;

	private final ConsentLedger consents;

	private final Handoffs handoffs;

	private final ReferralShares shares;

	private final BreakGlassLedger breakGlass;

	private final Jurisdictions jurisdictions;

	PolicyCaseAccess(AccessPolicy policy, ConsentLedger consents, Handoffs handoffs, ReferralShares shares,
			BreakGlassLedger breakGlass, Jurisdictions jurisdictions) {
		this.policy = policy;
		this.consents = consents;
		this.handoffs = handoffs;
		this.shares = shares;
		this.breakGlass = breakGlass;
		this.jurisdictions = jurisdictions;
	}

	@Override
	public AccessDecision decide(NrmUser user, Case target, Section section, Operation operation) {
		return new Evaluation(user, target).decide(section, operation);
	}

	@Override
	public Set<Section> readable(NrmUser user, Case target) {
		Evaluation evaluation = new Evaluation(user, target);
		Set<Section> readable = EnumSet.noneOf(Section.class);
		for (Section section : Section.values()) {
			if (evaluation.decide(section, Operation.Read).allowed()) {
				readable.add(section);
			}
		}
		return readable;
	}

	@Override
	public boolean involved(NrmUser user, Case target) {
		return new Evaluation(user, target).involved();
	}

	/** A scope the user is in, and the sections it covers for them. */
	private record InScope(Basis basis, Set<Section> covers, ConsentPurpose consent, String recipient) {
	}

	/** One user and one case, evaluated once per request. */
	private final class Evaluation {

		private final NrmUser user;

		private final Case target;

		private List<InScope> scopes;

		Evaluation(NrmUser user, Case target) {
			this.user = user;
			this.target = target;
		}

		AccessDecision decide(Section section, Operation operation) {
			AccessPolicy.SectionRule rule = PolicyCaseAccess.this.policy.sections().get(section);
			Set<String> roles = rule == null ? Set.of() : (operation == Operation.Read ? rule.read() : rule.write());
			boolean rolePermits = this.user.groupIds().stream().anyMatch(roles::contains);
			if (rolePermits) {
				for (InScope scope : scopes()) {
					Set<Section> covered = operation == Operation.Read ? scope.covers()
							: PolicyCaseAccess.this.policy.scopes().get(scope.basis()).writable(scope.covers());
					if (covered.contains(section) && consentHolds(scope)) {
						return AccessDecision.allowedOn(scope.basis(),
								PolicyCaseAccess.this.policy.scopes().get(scope.basis()).purpose());
					}
				}
			}
			if (operation == Operation.Read && PolicyCaseAccess.this.policy.breakGlass().sections().contains(section)
					&& breakGlassOpen()) {
				return AccessDecision.allowedOn(Basis.BreakGlass, "BreakGlass");
			}
			return AccessDecision.refused();
		}

		/** In a scope whose consent holds now, or behind an open break-glass. */
		boolean involved() {
			return scopes().stream().anyMatch(this::consentHolds) || breakGlassOpen();
		}

		boolean breakGlassOpen() {
			return this.user.groupIds().stream().anyMatch(PolicyCaseAccess.this.policy.breakGlass().roles()::contains)
					&& PolicyCaseAccess.this.breakGlass.openUntil(this.target.caseId(), this.user.userId())
						.filter(until -> until.isAfter(EngineClock.now()))
						.isPresent();
		}

		private boolean consentHolds(InScope scope) {
			return scope.consent() == null || PolicyCaseAccess.this.consents.holds(this.target.caseId(), scope.consent(),
					scope.consent().hasRecipient() ? scope.recipient() : null);
		}

		List<InScope> scopes() {
			if (this.scopes == null) {
				this.scopes = inScope();
			}
			return this.scopes;
		}

		private List<InScope> inScope() {
			List<InScope> found = new ArrayList<>();
			Set<String> groups = this.user.groupIds();
			if (groups.contains(this.target.leadAgency())) {
				add(found, Basis.CaseOwner, null);
			}
			if (groups.contains(Role.POLICE.groupId())) {
				add(found, Basis.PoliceCooperation, null);
			}
			if (this.target.isOpen() && groups
				.contains(PolicyCaseAccess.this.jurisdictions.profile(this.target.jurisdiction()).competentAuthority())) {
				add(found, Basis.CompetentAuthority, null);
			}
			if (this.user.has(Role.GUARDIAN) && this.target.isGuardedBy(this.user.userId())) {
				add(found, Basis.Guardian, null);
			}
			if (groups.contains(Role.SUPERVISOR.groupId())) {
				add(found, Basis.Oversight, null);
			}
			AccessPolicy.Scope recipient = PolicyCaseAccess.this.policy.scopes().get(Basis.ReferralRecipient);
			if (recipient != null) {
				for (Handoff handoff : PolicyCaseAccess.this.handoffs.ofCase(this.target.caseId())) {
					if (isOpenFor(handoff, groups)) {
						Set<Section> shared = PolicyCaseAccess.this.shares.sharedWith(handoff)
							.orElseGet(() -> PolicyCaseAccess.this.policy.referralDefaults()
								.getOrDefault(handoff.service(), Set.of()));
						found.add(new InScope(Basis.ReferralRecipient, shared, recipient.consent(),
								handoff.receivingAgency()));
					}
				}
			}
			return found;
		}

		private void add(List<InScope> found, Basis basis, String recipient) {
			AccessPolicy.Scope scope = PolicyCaseAccess.this.policy.scopes().get(basis);
			if (scope != null) {
				found.add(new InScope(basis, scope.sections(), scope.consent(), recipient));
			}
		}
	}

	/** A hand-off whose receiving agency is one of these groups and that has not ended. */
	static boolean isOpenFor(Handoff handoff, Set<String> groups) {
		return handoff.receivingAgency() != null && groups.contains(handoff.receivingAgency())
				&& !handoff.status().isEnded() && handoff.status().heldByReceivingAgency();
	}
}
