package org.opennrm.retention.internal;

import org.opennrm.platform.ClusterLock;
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

	private final ClusterLock clusterLock;

	ScheduledErasure(Erasures erasures, ClusterLock clusterLock) {
		this.erasures = erasures;
		this.clusterLock = clusterLock;
	}

	/** Every node has the schedule; one at a time runs it, and the next finds nothing left that is due. */
	@Scheduled(cron = "${nrm.retention.erasure.cron:0 30 1 * * *}")
	void eraseDue() {
		this.clusterLock.exclusively("erasure", () -> {
			this.erasures.run(CaseErased.SCHEDULED_JOB);
		});
	}
}
