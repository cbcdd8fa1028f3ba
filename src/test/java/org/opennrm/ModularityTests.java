package org.opennrm;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Each top-level package is a module whose root package is its API; nothing reaches into another module's internals
 * and modules do not depend on each other in cycles. Writes the module diagrams under {@code target/spring-modulith-docs}.
 */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(NrmApplication.class);

	@Test
	void modules_respect_each_others_boundaries() {
		MODULES.verify();
	}

	@Test
	void module_documentation_is_written() {
		new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}
}
