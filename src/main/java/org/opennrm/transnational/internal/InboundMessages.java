package org.opennrm.transnational.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.validation.Validator;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.opennrm.casefile.ReferralPackages;
import org.opennrm.cases.Case;
import org.opennrm.cases.Cases;
import org.opennrm.deadlines.Deadlines;
import org.opennrm.deadlines.Jurisdictions;
import org.opennrm.i18n.Text;
import org.opennrm.notifications.Notification;
import org.opennrm.notifications.Notifications;
import org.opennrm.platform.EngineClock;
import org.opennrm.security.Role;
import org.opennrm.transnational.DeclineReason;
import org.opennrm.transnational.IncomingTransnationalReferralProcess;
import org.opennrm.transnational.ReferralKind;
import org.opennrm.transnational.ReferralStatus;
import org.opennrm.transnational.TransnationalReferralProcess;
import org.opennrm.transnational.internal.PeerMessages.Type;
import org.opennrm.transnational.internal.PeerMessages.Verified;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a verified message from a peer does, in one transaction that also remembers the message's id (so a replay is
 * refused) and whose commit is what the signed receipt confirms. The same referral arriving again (a new message after
 * a lost receipt) is the same referral: it is acknowledged again and changes nothing.
 */
@Service
class InboundMessages {

	private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

	private static final Pattern JWE = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]*){4}");

	private static final Pattern DECISION = Pattern.compile("Accepted|Declined");

	private final Exchange exchange;

	private final SeenMessages seen;

	private final IncomingReferrals incoming;

	private final OutgoingReferrals outgoing;

	private final Outbox outbox;

	private final ReferralPackages packages;

	private final Validator validator;

	private final RuntimeService runtimeService;

	private final ProcessMessages processes;

	private final Jurisdictions jurisdictions;

	private final Deadlines deadlines;

	private final Notifications notifications;

	private final Cases cases;

	InboundMessages(Exchange exchange, SeenMessages seen, IncomingReferrals incoming, OutgoingReferrals outgoing,
			Outbox outbox, ReferralPackages packages, Validator validator, RuntimeService runtimeService,
			ProcessMessages processes, Jurisdictions jurisdictions, Deadlines deadlines, Notifications notifications,
			Cases cases) {
		this.exchange = exchange;
		this.seen = seen;
		this.incoming = incoming;
		this.outgoing = outgoing;
		this.outbox = outbox;
		this.packages = packages;
		this.validator = validator;
		this.runtimeService = runtimeService;
		this.processes = processes;
		this.jurisdictions = jurisdictions;
		this.deadlines = deadlines;
		this.notifications = notifications;
		this.cases = cases;
	}

	/**
	 * Takes a verified message.
	 * @param message the message as it arrived, kept as the proof of an answer that also proves delivery
	 * @return the claims of the receipt
	 * @throws Refusal when it is a replay or does not fit what this instance knows; nothing is then written
	 */
	@Transactional
	Map<String, Object> take(Verified verified, String message) {
		this.seen.remember(verified.issuer(), verified.jti(), verified.expiresAt());
		return switch (verified.type()) {
			case referral -> referral(verified);
			case decision -> decision(verified, message);
			case withdrawal -> withdrawal(verified);
			case receipt -> throw Refusal.malformed("A receipt answers a message; it is not sent on its own.")
				.from(verified.issuer());
		};
	}

	private Map<String, Object> referral(Verified message) {
		String peer = message.issuer();
		var existing = this.incoming.locked(peer, message.referralId());
		if (existing.isPresent()) {
			this.incoming.step(existing.get().id(), "DeliveredAgain", "peer:" + peer, null);
			return receipt(existing.get().packageHash(), "duplicate");
		}
		String sealed = message.required(PeerMessages.PACKAGE_CLAIM, JWE);
		String hash = message.required(PeerMessages.HASH_CLAIM, HASH);
		if (!PeerMessages.sha256(sealed).equals(hash)) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "hash-mismatch", "The package's hash does not match the package.",
					peer);
		}
		ReferralKind kind = kind(message);
		ReferralPackage contents = ReferralPackage.read(
				this.exchange.messages().open(sealed, message.referralId(), peer), message.referralId(), peer,
				this.exchange.country(), this.packages.transnationalSections(), this.validator);
		if (contents.referralKind() != kind) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "invalid-package", "The package's kind differs from the message's.",
					peer);
		}
		IncomingReferrals.Row row = this.incoming.received(peer, message.referralId(), kind, contents.fieldNames(),
				hash, sealed);
		String jurisdiction = this.jurisdictions.defaultId();
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put(IncomingTransnationalReferralProcess.Variables.INCOMING_ID, row.id());
		variables.put(IncomingTransnationalReferralProcess.Variables.REFERRAL_ID, message.referralId());
		variables.put(IncomingTransnationalReferralProcess.Variables.PEER_COUNTRY, peer);
		variables.put(IncomingTransnationalReferralProcess.Variables.REFERRAL_KIND, kind.name());
		variables.put(IncomingTransnationalReferralProcess.Variables.SHARED_FIELDS,
				SharedFields.summary(contents.fieldNames()));
		variables.put(Deadlines.JURISDICTION, jurisdiction);
		ProcessInstance started = this.runtimeService.createProcessInstanceByKey(IncomingTransnationalReferralProcess.KEY)
			.businessKey(message.referralId())
			.setVariables(variables)
			.execute();
		this.incoming.attachProcess(row.id(), started.getId(), this.deadlines.due(jurisdiction,
				IncomingTransnationalReferralProcess.CLOCK_RESPONSE, EngineClock.now()));
		this.notifications.notifyGroups(List.of(Role.COORDINATOR.groupId()), null,
				Notification.Kind.TransnationalReferral, Text.of("notification.subject.incomingReferral", peer,
						Text.of("enum.ReferralKind." + kind)));
		return receipt(hash, "received");
	}

	private Map<String, Object> decision(Verified message, String proof) {
		OutgoingReferrals.Row referral = outgoingOf(message);
		String decision = message.required("decision", DECISION);
		if (referral.status() == ReferralStatus.Accepted || referral.status() == ReferralStatus.Declined) {
			return receipt(referral.packageHash(), "duplicate");
		}
		if (referral.status() == ReferralStatus.Withdrawn) {
			this.outgoing.step(referral.id(), "AnswerAfterWithdrawal", "peer:" + message.issuer(), decision);
			return receipt(referral.packageHash(), "withdrawn");
		}
		if (referral.status() == ReferralStatus.Approved || referral.status() == ReferralStatus.Sent) {
			// The answer proves the package arrived even if its receipt was lost on the way.
			this.outbox.deliveredByAnswer(referral.id(), Type.referral, proof);
			this.outgoing.move(referral.id(), ReferralStatus.Delivered, "peer:" + message.issuer(), "proven by answer");
			this.processes.packageDelivered(referral.processInstanceId());
		}
		Case found = this.cases.findById(referral.caseId()).orElseThrow();
		Map<String, Object> answer = new LinkedHashMap<>();
		if (decision.equals("Accepted")) {
			this.outgoing.move(referral.id(), ReferralStatus.Accepted, "peer:" + message.issuer(), null);
			answer.put(TransnationalReferralProcess.Variables.REFERRAL_ACCEPTED, true);
		}
		else {
			DeclineReason reason = enumClaim(message, "reason", DeclineReason.class);
			this.outgoing.declined(referral.id(), reason);
			answer.put(TransnationalReferralProcess.Variables.REFERRAL_ACCEPTED, false);
			answer.put(TransnationalReferralProcess.Variables.DECLINE_REASON, reason.name());
		}
		this.notifications.notifyGroups(List.of(found.leadAgency(), Role.COORDINATOR.groupId()), found.reference(),
				Notification.Kind.TransnationalReferral, Text.of("notification.subject.referralAnswered", message.issuer(),
						Text.of("enum.ReferralDecision." + decision)));
		this.processes.decisionReceived(referral.processInstanceId(), answer);
		return receipt(referral.packageHash(), "recorded");
	}

	private Map<String, Object> withdrawal(Verified message) {
		var found = this.incoming.locked(message.issuer(), message.referralId());
		if (found.isEmpty()) {
			return receipt(null, "unknown-referral");
		}
		IncomingReferrals.Row referral = found.get();
		switch (referral.status()) {
			case Delivered -> {
				this.incoming.withdrawn(referral.id());
				this.processes.incomingWithdrawn(referral.processInstanceId());
				this.notifications.notifyGroups(List.of(Role.COORDINATOR.groupId()), null,
						Notification.Kind.TransnationalReferral,
						Text.of("notification.subject.referralWithdrawn", message.issuer()));
				return receipt(referral.packageHash(), "withdrawn");
			}
			case Accepted -> {
				if (!referral.sharingStopped()) {
					this.incoming.sharingStopped(referral.id());
					this.cases.findById(referral.caseId())
						.ifPresent(opened -> this.notifications.notifyGroups(List.of(opened.leadAgency()),
								opened.reference(), Notification.Kind.ConsentWithdrawn,
								Text.of("notification.subject.sharingConsentWithdrawn", message.issuer())));
				}
				return receipt(referral.packageHash(), "sharing-stopped");
			}
			default -> {
				return receipt(referral.packageHash(), "already-answered");
			}
		}
	}

	private OutgoingReferrals.Row outgoingOf(Verified message) {
		return this.outgoing.locked(message.referralId())
			.filter(referral -> referral.peerCountry().equals(message.issuer()))
			.orElseThrow(() -> new Refusal(HttpStatus.BAD_REQUEST, "unknown-referral",
					"This instance sent no such referral to " + message.issuer() + ".", message.issuer()));
	}

	private static ReferralKind kind(Verified message) {
		return enumClaim(message, "referralKind", ReferralKind.class);
	}

	private static <E extends Enum<E>> E enumClaim(Verified message, String claim, Class<E> type) {
		String value = message.string(claim);
		try {
			return Enum.valueOf(type, value == null ? "" : value);
		}
		catch (IllegalArgumentException ex) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "malformed", "The claim " + claim + " is missing or not valid.",
					message.issuer());
		}
	}

	private static Map<String, Object> receipt(String hash, String result) {
		Map<String, Object> claims = new LinkedHashMap<>();
		if (hash != null) {
			claims.put(PeerMessages.HASH_CLAIM, hash);
		}
		claims.put("result", result);
		return claims;
	}
}
