package org.opennrm.demo.internal;

import org.opennrm.cases.Cases;
import org.opennrm.platform.ClusterLock;
import org.opennrm.platform.StartupOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo users at every start and the demo cases once, on an empty case registry. It runs once the service
 * is ready, on its own thread, so that seeding (a few seconds on a cold JVM) does not hold up start-up; tests seed
 * synchronously ({@code nrm.demo.seed-in-background=false}).
 */
@Component
@Profile("demo")
class DemoData {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final DemoProperties properties;

	private final DemoUsers users;

	private final DemoCases demoCases;

	private final Cases cases;

	private final boolean inBackground;

	private final ClusterLock clusterLock;

	DemoData(DemoProperties properties, DemoUsers users, DemoCases demoCases, Cases cases, ClusterLock clusterLock,
			@Value("${nrm.demo.seed-in-background:true}") boolean inBackground) {
		this.clusterLock = clusterLock;
		this.properties = properties;
		this.users = users;
		this.demoCases = demoCases;
		this.cases = cases;
		this.inBackground = inBackground;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(StartupOrder.DEMO_DATA)
	void seed() {
		if (this.inBackground) {
			Thread seeder = new Thread(this::seedNow, "demo-data");
			seeder.setDaemon(true);
			seeder.start();
		}
		else {
			seedNow();
		}
	}

	/** One node at a time (nodes on one database may start together): the next finds the users and cases there. */
	void seedNow() {
		try {
			this.clusterLock.exclusively("demo-data", () -> {
				this.users.ensure(this.properties);
				if (this.cases.count() == 0) {
					this.demoCases.seed();
					log.info("Seeded {} synthetic demo cases", this.cases.count());
				}
			});
		}
		catch (RuntimeException ex) {
			log.error("Seeding demo data failed", ex);
		}
	}
}
