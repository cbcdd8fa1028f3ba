package org.opennrm.transnational.internal;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opennrm.platform.EngineClock;
import org.opennrm.transnational.internal.Outbox.Leased;
import org.opennrm.transnational.internal.PeerMessages.Signed;
import org.opennrm.transnational.internal.Peers.Peer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Delivers the outbox (ADR 26). A message goes as soon as the transaction that queued it commits, and otherwise when
 * the regular check finds it due: after a failure it waits {@code first-retry}, doubling up to {@code max-retry}, for
 * as long as it takes; the delivery clock of the referral escalates to people meanwhile. Each attempt is a newly signed
 * message (a fresh id and validity); it is delivered when the peer answers 200 with its signed receipt for exactly that
 * message. What the answer means for the referral is applied in one transaction with marking it delivered.
 */
@Component
class Delivery implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Delivery.class);

	/** The reason code of a peer's problem response. */
	private static final Pattern REASON = Pattern
		.compile("\"reason\"\\s*:\\s*\"(" + DeliveryProblem.REASON_CODE + ")\"");

	private final Exchange exchange;

	private final Outbox outbox;

	private final Deliveries deliveries;

	/**
	 * A few threads of the module's own for delivery attempts, so that a slow peer never holds up the scheduler or a
	 * request (and no bean that Spring Boot's own task executor would give way to).
	 */
	private final ThreadPoolTaskExecutor executor;

	private final TransnationalProperties.Delivery settings;

	private final HttpClient http;

	Delivery(Exchange exchange, Outbox outbox, Deliveries deliveries, TransnationalProperties properties) {
		this.exchange = exchange;
		this.outbox = outbox;
		this.deliveries = deliveries;
		this.executor = new ThreadPoolTaskExecutor();
		this.executor.setCorePoolSize(2);
		this.executor.setMaxPoolSize(2);
		this.executor.setQueueCapacity(1000);
		this.executor.setThreadNamePrefix("transnational-delivery-");
		this.executor.initialize();
		this.settings = properties.delivery();
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(this.settings.requestTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** A message was queued and its transaction committed: try it now rather than at the next check. */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void queued(Outbox.Queued queued) {
		if (this.exchange.enabled()) {
			this.executor.execute(() -> attempt(queued.id()));
		}
	}

	/** The regular check: whatever is due (retries, and anything a stop interrupted). */
	@Scheduled(initialDelayString = "${nrm.transnational.delivery.poll-interval:PT5S}",
			fixedDelayString = "${nrm.transnational.delivery.poll-interval:PT5S}")
	void deliverDue() {
		if (!this.exchange.enabled()) {
			return;
		}
		for (String id : this.outbox.due(EngineClock.now(), this.settings.batchSize())) {
			this.executor.execute(() -> attempt(id));
		}
	}

	/** One attempt at one message; never throws (a failure is recorded and the message waits for its next turn). */
	void attempt(String id) {
		Instant now = EngineClock.now();
		Leased message;
		try {
			message = this.outbox.lease(id, now, now.plus(this.settings.requestTimeout().multipliedBy(3))).orElse(null);
		}
		catch (RuntimeException ex) {
			log.warn("Outbox message {} could not be taken: {}", id, ex.getClass().getSimpleName());
			return;
		}
		if (message == null) {
			return;
		}
		String error;
		try {
			if (!this.deliveries.mayGo(message)) {
				return;
			}
			Peer peer = this.exchange.peer(message.peerCountry()).orElse(null);
			if (peer == null) {
				error = DeliveryProblem.notAPeer().written();
			}
			else {
				error = send(peer, message);
			}
		}
		catch (RuntimeException ex) {
			error = DeliveryProblem.failed(ex).written();
			log.warn("Delivery of outbox message {} to {} failed", id, message.peerCountry(), ex);
		}
		if (error != null) {
			Duration wait = backoff(message.attempts());
			log.info("Delivery of a {} message to {} failed ({}), attempt {}; next in {}", message.type(),
					message.peerCountry(), error, message.attempts(), wait);
			this.deliveries.failed(message, error, EngineClock.now().plus(wait));
		}
	}

	/** @return {@code null} when delivered, else why not */
	private String send(Peer peer, Leased message) {
		Signed signed = this.exchange.messages().sign(peer.country(), message.body());
		HttpResponse<String> response;
		try {
			response = this.http.send(HttpRequest.newBuilder(peer.messages())
				.timeout(this.settings.requestTimeout())
				.header("Content-Type", PeerMessages.MEDIA_TYPE)
				.header("Accept", PeerMessages.MEDIA_TYPE + ", application/problem+json")
				.POST(HttpRequest.BodyPublishers.ofString(signed.compact(), StandardCharsets.US_ASCII))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			return DeliveryProblem.unreachable(ex).written();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return DeliveryProblem.interrupted().written();
		}
		if (response.statusCode() != 200) {
			return DeliveryProblem.refused(response.statusCode(), reason(response.body())).written();
		}
		PeerMessages.Verified receipt;
		try {
			receipt = this.exchange.messages().verifyReceipt(response.body().strip(), peer.country(), signed,
					message.referralId());
		}
		catch (Refusal refusal) {
			return DeliveryProblem.badReceipt(refusal.reason()).written();
		}
		this.deliveries.delivered(message, response.body().strip(), receipt);
		return null;
	}

	@Override
	public void destroy() {
		this.executor.shutdown();
	}

	/** The wait before the next attempt: doubling from {@code first-retry}, at most {@code max-retry}, jittered. */
	Duration backoff(int attempts) {
		long first = this.settings.firstRetry().toMillis();
		long max = this.settings.maxRetry().toMillis();
		long wait = first;
		for (int i = 1; i < attempts && wait < max; i++) {
			wait *= 2;
		}
		wait = Math.min(wait, max);
		long jitter = wait / 10 == 0 ? 0 : ThreadLocalRandom.current().nextLong(wait / 10);
		return Duration.ofMillis(wait - jitter);
	}

	/** The peer's reason code from its problem response, if it sent one (never its whole body). */
	private static Optional<String> reason(String body) {
		if (body == null) {
			return Optional.empty();
		}
		Matcher matcher = REASON.matcher(body);
		return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
	}
}
