package org.opennrm.transnational.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a delivery attempt failed: written into the outbox as a short code with a technical detail (never content), as
 * the API gives it ({@code delivery.lastError}), and read back for the coordinator's page, which says it in the
 * reader's language. The written form is fixed: rows written before stay readable.
 *
 * @param kind what went wrong
 * @param detail the technical detail: an exception's class, an HTTP status and the peer's reason code, a refusal's
 * reason code; empty if there is none
 */
record DeliveryProblem(Kind kind, String detail) {

	private static final Pattern WRITTEN = Pattern
		.compile("(unreachable: |receipt refused: |failed: |HTTP (?=\\d))(.*)|(interrupted|not-a-peer)");

	enum Kind {

		/** The peer's address did not answer (connection refused, time-out, name unknown). */
		UNREACHABLE("unreachable: "),
		/** The peer answered with another status than 200, with its reason code if it gave one. */
		REFUSED("HTTP "),
		/** The peer's receipt did not verify. */
		BAD_RECEIPT("receipt refused: "),
		/** This instance stopped while sending (shut down). */
		INTERRUPTED("interrupted"),
		/** The peers file names the country no more. */
		NOT_A_PEER("not-a-peer"),
		/** Anything else that failed here. */
		FAILED("failed: ");

		private final String written;

		Kind(String written) {
			this.written = written;
		}
	}

	static DeliveryProblem unreachable(Exception failure) {
		return new DeliveryProblem(Kind.UNREACHABLE, failure.getClass().getSimpleName());
	}

	/** @param reason the peer's reason code, if its answer named one */
	static DeliveryProblem refused(int status, Optional<String> reason) {
		return new DeliveryProblem(Kind.REFUSED, status + reason.map(code -> " " + code).orElse(""));
	}

	static DeliveryProblem badReceipt(String reason) {
		return new DeliveryProblem(Kind.BAD_RECEIPT, reason);
	}

	static DeliveryProblem interrupted() {
		return new DeliveryProblem(Kind.INTERRUPTED, "");
	}

	static DeliveryProblem notAPeer() {
		return new DeliveryProblem(Kind.NOT_A_PEER, "");
	}

	static DeliveryProblem failed(RuntimeException failure) {
		return new DeliveryProblem(Kind.FAILED, failure.getClass().getSimpleName());
	}

	/** As the outbox keeps it, e.g. {@code unreachable: ConnectException}, {@code HTTP 409 duplicate}. */
	String written() {
		return this.kind.written + this.detail;
	}

	/** A problem as the outbox kept it; empty for none, or for text this class did not write. */
	static Optional<DeliveryProblem> read(String written) {
		if (written == null) {
			return Optional.empty();
		}
		Matcher matcher = WRITTEN.matcher(written);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		String code = matcher.group(1) != null ? matcher.group(1) : matcher.group(3);
		String detail = matcher.group(2) != null ? matcher.group(2) : "";
		for (Kind kind : Kind.values()) {
			if (kind.written.equals(code)) {
				return Optional.of(new DeliveryProblem(kind, detail));
			}
		}
		return Optional.empty();
	}
}
