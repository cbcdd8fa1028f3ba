package org.opennrm.transnational.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Hidden;
import org.opennrm.platform.EngineClock;
import org.opennrm.transnational.PeerMessageRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The peer endpoint (ADR 25): where other instances deliver messages. Its caller is another instance, not a user, and
 * it authenticates by the message's signature, not by a password: the security chain for {@code /peer/**} lets the two
 * operations below through and refuses everything else. Every message is checked completely before anything is
 * written; a refusal is a problem response with a reason code, is recorded (audit trail and log, never the content),
 * and changes nothing else. A 200 carries this instance's signed receipt and means the message's effect committed.
 */
@RestController
@Hidden
class PeerEndpoint {

	static final String MESSAGES = "/peer/v1/messages";

	static final String KEYS = "/peer/v1/keys";

	private static final Logger log = LoggerFactory.getLogger(PeerEndpoint.class);

	/** A compact JWS: three base64url parts. */
	private static final Pattern COMPACT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

	private final Exchange exchange;

	private final InboundMessages inbound;

	private final ApplicationEventPublisher events;

	private final int maxBytes;

	PeerEndpoint(Exchange exchange, InboundMessages inbound, ApplicationEventPublisher events,
			TransnationalProperties properties) {
		this.exchange = exchange;
		this.inbound = inbound;
		this.events = events;
		this.maxBytes = Math.toIntExact(properties.maxMessageSize().toBytes());
	}

	@PostMapping(MESSAGES)
	ResponseEntity<?> take(@RequestHeader(name = "Content-Type", required = false) String contentType,
			@RequestBody(required = false) byte[] body) {
		if (!this.exchange.enabled()) {
			return problem(new Refusal(HttpStatus.NOT_FOUND, "not-enabled",
					"This instance takes part in no transnational referral.", null), false);
		}
		if (contentType == null || !contentType.toLowerCase(Locale.ROOT).strip().startsWith(PeerMessages.MEDIA_TYPE)) {
			return problem(new Refusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
					"Messages are sent as " + PeerMessages.MEDIA_TYPE + ".", null), true);
		}
		if (body == null || body.length == 0) {
			return problem(Refusal.malformed("The body is empty."), true);
		}
		if (body.length > this.maxBytes) {
			return problem(new Refusal(HttpStatus.PAYLOAD_TOO_LARGE, "too-large",
					"A message is at most " + this.maxBytes + " bytes.", null), true);
		}
		String compact = new String(body, StandardCharsets.US_ASCII).strip();
		if (!COMPACT.matcher(compact).matches()) {
			return problem(Refusal.malformed("The body is not a signed message (compact JWS)."), true);
		}
		try {
			PeerMessages.Verified verified = this.exchange.messages().verify(compact);
			String receipt = this.exchange.messages().receipt(verified, this.inbound.take(verified, compact));
			return ResponseEntity.ok().contentType(MediaType.parseMediaType(PeerMessages.MEDIA_TYPE)).body(receipt);
		}
		catch (Refusal refusal) {
			return problem(refusal, true);
		}
	}

	/** This instance's public keys, for the operators of its peers to put in their peers files. */
	@GetMapping(path = KEYS, produces = "application/jwk-set+json")
	ResponseEntity<?> keys() {
		if (!this.exchange.enabled()) {
			return problem(new Refusal(HttpStatus.NOT_FOUND, "not-enabled",
					"This instance takes part in no transnational referral.", null), false);
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/jwk-set+json"))
			.body(this.exchange.publicKeys().toString(true));
	}

	private ResponseEntity<ProblemDetail> problem(Refusal refusal, boolean record) {
		if (record) {
			log.warn("Refused a message claiming to come from {}: {} ({})",
					refusal.claimedPeer() == null ? "an unknown sender" : refusal.claimedPeer(), refusal.reason(),
					refusal.status().value());
			this.events.publishEvent(new PeerMessageRefused(refusal.claimedPeer(), refusal.reason(),
					refusal.status().value(), EngineClock.now()));
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(refusal.status(), refusal.getMessage());
		problem.setProperty("reason", refusal.reason());
		return ResponseEntity.status(refusal.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}
