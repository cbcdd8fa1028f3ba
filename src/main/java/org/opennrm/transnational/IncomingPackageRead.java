package org.opennrm.transnational;

import java.time.Instant;

/**
 * The national coordinator opened what an incoming referral carries, before answering it.
 *
 * @param referralId the referral's id on both instances
 * @param peerCountry where it came from
 * @param userId who looked
 * @param at when
 */
public record IncomingPackageRead(String referralId, String peerCountry, String userId, Instant at) {
}
