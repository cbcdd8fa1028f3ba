package org.opennrm.transnational.internal;

import java.util.Optional;
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

	/** A peer's reason code, as its problem responses and receipt refusals name it. */
	static final String REASON_CODE = "[a-z-]{1,40}";

	enum Kind {

		/** The peer's address did not answer (connection refused, time-out, name unknown); the exception's class. */
		Unreachable("unreachable: ", "[\\w$.]+"),
		/** The peer answered with another status than 200: the status, and its reason code if it gave one. */
		Refused("HTTP ", "\\d{3}(?: " + REASON_CODE + ")?"),
		/** The peer's receipt did not verify: the refusal's reason code. */
		BadReceipt("receipt refused: ", REASON_CODE),
		/** This instance stopped while sending (shut down). */
		Interrupted("interrupted", ""),
		/** The peers file names the country no more. */
		NotAPeer("not-a-peer", ""),
		/** Anything else that failed here: the exception's class. */
		Failed("failed: ", "[\\w$.]+");

		private final String written;

		private final Pattern detail;

		Kind(String written, String detail) {
			this.written = written;
			this.detail = Pattern.compile(detail);
		}
	}

	static DeliveryProblem unreachable(Exception failure) {
		return new DeliveryProblem(Kind.Unreachable, className(failure));
	}

	/** @param reason the peer's reason code, if its answer named one */
	static DeliveryProblem refused(int status, Optional<String> reason) {
		return new DeliveryProblem(Kind.Refused, status + reason.map(code -> " " + code).orElse(""));
	}

	static DeliveryProblem badReceipt(String reason) {
		return new DeliveryProblem(Kind.BadReceipt, reason);
	}

	static DeliveryProblem interrupted() {
		return new DeliveryProblem(Kind.Interrupted, "");
	}

	static DeliveryProblem notAPeer() {
		return new DeliveryProblem(Kind.NotAPeer, "");
	}

	static DeliveryProblem failed(RuntimeException failure) {
		return new DeliveryProblem(Kind.Failed, className(failure));
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
		for (Kind kind : Kind.values()) {
			if (written.startsWith(kind.written)) {
				String detail = written.substring(kind.written.length());
				return kind.detail.matcher(detail).matches() ? Optional.of(new DeliveryProblem(kind, detail))
						: Optional.empty();
			}
		}
		return Optional.empty();
	}

	/** The exception's simple name, or its full name where it has none (an anonymous class). */
	private static String className(Exception failure) {
		String simple = failure.getClass().getSimpleName();
		return simple.isEmpty() ? failure.getClass().getName() : simple;
	}
}
