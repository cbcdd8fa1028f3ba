package org.opennrm.retention.internal;

import org.opennrm.retention.CaseErased;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs erasure every night ({@code nrm.retention.erasure.cron}). Off where {@code nrm.retention.erasure.scheduled} is
 * false (the tests, which run it through the endpoint on the engine clock).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "nrm.retention.erasure.scheduled", havingValue = "true", matchIfMissing = true)
class ScheduledErasure {

	private final Erasures erasures;

	ScheduledErasure(Erasures erasures) {
		this.erasures = erasures;
	}

	@Scheduled(cron = "${nrm.retention.erasure.cron:0 30 1 * * *}")
	void eraseDue() {
		this.erasures.run(CaseErased.SCHEDULED_JOB);
	}
}
