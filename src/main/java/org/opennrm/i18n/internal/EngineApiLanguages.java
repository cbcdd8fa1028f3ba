package org.opennrm.i18n.internal;

import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Puts {@link EngineAnswersInLanguage} into every JAX-RS application of the service (the engine REST API and each
 * webapp's API), found by Jersey through {@code META-INF/services}. Public only because Jersey's service loader needs
 * it to be.
 */
@ConstrainedTo(RuntimeType.SERVER)
public final class EngineApiLanguages implements ForcedAutoDiscoverable {

	@Override
	public void configure(FeatureContext context) {
		if (context.getConfiguration().getRuntimeType() == RuntimeType.SERVER
				&& !context.getConfiguration().isRegistered(EngineAnswersInLanguage.class)) {
			context.register(new EngineAnswersInLanguage());
		}
	}
}
