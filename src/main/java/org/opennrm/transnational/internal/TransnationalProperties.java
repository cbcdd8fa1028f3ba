package org.opennrm.transnational.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How this instance takes part in transnational referral (ADR 25, 26). Off unless switched on; then the service
 * refuses to start without a country (the jurisdiction profile's {@code country}), keys and a valid peers file.
 *
 * @param enabled whether this instance sends and receives referrals at all (its peer endpoint answers 404 otherwise)
 * @param keys this instance's private keys as a JWK set (JSON), from the environment ({@code NRM_TRANSNATIONAL_KEYS});
 * never from the repository
 * @param keysFile or a file holding that JWK set (mounted from a secret store)
 * @param generateKeys whether a missing key file is generated (demo and tests only; production refuses to start
 * without keys)
 * @param peersLocation where the peers file is read from (default {@code ./config/transnational-peers.yml}, else the
 * packaged copy)
 * @param publishPublicKeysTo a folder where this instance writes its public keys ({@code <country>.jwks.json}) at
 * start, for the operators of its peers to copy (blank: nowhere)
 * @param messageLifetime how long a signed message is valid after it was signed
 * @param clockSkew how far the peers' clocks may differ from ours
 * @param maxMessageSize the largest message the peer endpoint reads
 * @param delivery how the outbox is delivered
 */
@ConfigurationProperties("nrm.transnational")
record TransnationalProperties(boolean enabled, String keys, String keysFile, boolean generateKeys, String peersLocation,
		String publishPublicKeysTo, @DefaultValue("PT5M") Duration messageLifetime,
		@DefaultValue("PT1M") Duration clockSkew, @DefaultValue("512KB") DataSize maxMessageSize,
		@DefaultValue Delivery delivery) {

	TransnationalProperties {
		if (messageLifetime.isNegative() || messageLifetime.isZero() || messageLifetime.compareTo(Duration.ofHours(1)) > 0) {
			throw new IllegalArgumentException("nrm.transnational.message-lifetime must be more than 0 and at most PT1H");
		}
		if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(10)) > 0) {
			throw new IllegalArgumentException("nrm.transnational.clock-skew must be between 0 and PT10M");
		}
	}

	/**
	 * @param pollInterval how often the outbox is checked for messages due (a new message goes at once after its
	 * transaction commits; this catches retries and restarts)
	 * @param firstRetry the wait after the first failed attempt; it doubles with each failure
	 * @param maxRetry the longest wait between attempts
	 * @param requestTimeout how long one attempt may take
	 * @param batchSize at most this many messages per check
	 */
	record Delivery(@DefaultValue("PT5S") Duration pollInterval, @DefaultValue("PT5S") Duration firstRetry,
			@DefaultValue("PT10M") Duration maxRetry, @DefaultValue("PT10S") Duration requestTimeout,
			@DefaultValue("20") int batchSize) {
	}
}
