package org.opennrm.transnational.internal;

import org.springframework.http.HttpStatus;

/**
 * Why a message from a peer (or a receipt from one) is refused: an HTTP status, a short reason code the peer can act
 * on, and a sentence for people. Neither ever holds what the message carried.
 */
final class Refusal extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final HttpStatus status;

	private final String reason;

	private final String claimedPeer;

	Refusal(HttpStatus status, String reason, String detail, String claimedPeer) {
		super(detail, null, false, false);
		this.status = status;
		this.reason = reason;
		this.claimedPeer = claimedPeer;
	}

	static Refusal malformed(String detail) {
		return new Refusal(HttpStatus.BAD_REQUEST, "malformed", detail, null);
	}

	HttpStatus status() {
		return this.status;
	}

	String reason() {
		return this.reason;
	}

	/** The country the message claimed to come from, if it could be read (not proven). */
	String claimedPeer() {
		return this.claimedPeer;
	}

	Refusal from(String peer) {
		return this.claimedPeer != null ? this : new Refusal(this.status, this.reason, getMessage(), peer);
	}
}
