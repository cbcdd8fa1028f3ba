package org.opennrm.transnational.internal;

import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import com.nimbusds.jose.jwk.JWKSet;
import org.opennrm.platform.Problems;
import org.opennrm.transnational.internal.Peers.Peer;

/**
 * This instance's part in transnational referral: off, or on as one country with its keys and its peers. Every
 * entry point asks it first, so an instance that takes part in no exchange answers clearly instead of half-working.
 */
final class Exchange {

	private final String country;

	private final InstanceKeys keys;

	private final Peers peers;

	private final PeerMessages messages;

	private Exchange(String country, InstanceKeys keys, Peers peers, PeerMessages messages) {
		this.country = country;
		this.keys = keys;
		this.peers = peers;
		this.messages = messages;
	}

	static Exchange off() {
		return new Exchange(null, null, null, null);
	}

	static Exchange on(String country, InstanceKeys keys, Peers peers, PeerMessages messages) {
		return new Exchange(country, keys, peers, messages);
	}

	boolean enabled() {
		return this.country != null;
	}

	/** @throws org.springframework.web.ErrorResponseException 409 when this instance takes part in no exchange */
	void requireEnabled() {
		if (!enabled()) {
			throw Problems.conflict("problem.transnational.notEnabled");
		}
	}

	String country() {
		requireEnabled();
		return this.country;
	}

	PeerMessages messages() {
		requireEnabled();
		return this.messages;
	}

	Optional<Peer> peer(String country) {
		return enabled() ? this.peers.find(country) : Optional.empty();
	}

	SortedSet<String> peerCountries() {
		return enabled() ? this.peers.countries() : new TreeSet<>();
	}

	JWKSet publicKeys() {
		requireEnabled();
		return this.keys.publicKeys();
	}
}
