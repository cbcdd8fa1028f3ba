package org.opennrm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/**
 * The DMN decisions run on a FEEL engine that builds its built-in functions once, not on every evaluation: feel-scala
 * 1.19.4 or later (the pin in {@code pom.xml} says why). Without the pin the engine's own 1.19.3 comes back. The test
 * reads the version the fix came with, not the engine's behaviour; the throughput benchmark shows that.
 */
class FeelEngineVersionTest {

	static final Runtime.Version FIRST_WITHOUT_REBUILDING = Runtime.Version.parse("1.19.4");

	@Test
	void theFeelEngineIsOneThatBuildsItsFunctionsOnce() throws IOException {
		List<URL> found = Collections.list(getClass().getClassLoader()
			.getResources("META-INF/maven/org.camunda.feel/feel-engine/pom.properties"));
		assertThat(found).as("one FEEL engine on the class path").hasSize(1);
		Properties properties = new Properties();
		try (InputStream in = found.get(0).openStream()) {
			properties.load(in);
		}
		assertThat(Runtime.Version.parse(properties.getProperty("version")))
			.isGreaterThanOrEqualTo(FIRST_WITHOUT_REBUILDING);
	}
}
