package org.opennrm.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.opennrm.NrmApplication;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole service on a random port, with the demo users and cases, on the database the build chose
 * ({@code -Dnrm.test.database=h2|postgres}; Failsafe runs every integration test once per database). All classes
 * with this annotation share one application context per database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = NrmApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		// A fresh case file key per test run, in memory: the demo profile would otherwise keep one under ./data.
		properties = "nrm.casefile.keyset-file=")
@ActiveProfiles({ "test", "demo" })
@Import({ TestDatabase.class, Api.class, EngineJobs.class, CaseJourney.class, PublishedEvents.class })
public @interface IntegrationTest {
}
