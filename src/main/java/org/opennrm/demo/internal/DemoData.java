package org.opennrm.demo.internal;

import org.opennrm.cases.Cases;
import org.opennrm.platform.StartupOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Seeds the demo users at every start and the demo cases once, on an empty case registry. */
@Component
@Profile("demo")
@Order(StartupOrder.DEMO_DATA)
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final DemoProperties properties;

	private final DemoUsers users;

	private final DemoCases demoCases;

	private final Cases cases;

	DemoData(DemoProperties properties, DemoUsers users, DemoCases demoCases, Cases cases) {
		this.properties = properties;
		this.users = users;
		this.demoCases = demoCases;
		this.cases = cases;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.users.ensure(this.properties);
		if (this.cases.count() == 0) {
			this.demoCases.seed();
			log.info("Seeded {} synthetic demo cases", this.cases.count());
		}
	}
}
