package org.opennrm.transnational;

import java.time.Instant;

/**
 * How the delivery of a message to the peer goes.
 *
 * @param attempts attempts so far
 * @param lastAttemptAt when the last one started
 * @param nextAttemptAt when the next one is due ({@code null} once delivered or cancelled)
 * @param lastError why the last attempt failed, if it did: a short code, never content
 * @param deliveredAt when the peer confirmed it with a signed receipt
 */
public record DeliveryState(int attempts, Instant lastAttemptAt, Instant nextAttemptAt, String lastError,
		Instant deliveredAt) {
}
