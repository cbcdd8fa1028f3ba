package org.opennrm.transnational;

import java.time.Instant;

/**
 * A message to this instance's peer endpoint was refused: an unknown peer, a signature that does not verify, an
 * expired or replayed message, a malformed body. Nothing of it was kept but this record.
 *
 * @param claimedPeer the country the message claimed to come from, if it could be read (not proven)
 * @param reason a short code ({@code unknown-peer}, {@code bad-signature}, {@code expired}, {@code replayed}, ...)
 * @param status the HTTP status answered
 * @param at when
 */
public record PeerMessageRefused(String claimedPeer, String reason, int status, Instant at) {
}
