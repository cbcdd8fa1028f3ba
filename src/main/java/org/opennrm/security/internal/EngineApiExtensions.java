package org.opennrm.security.internal;

import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Puts the {@link EngineOperationGuard} and {@link EngineApiProblems} into every JAX-RS application of the service:
 * the engine REST API and each of the webapps' APIs. Jersey finds this class through
 * {@code META-INF/services/org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable} when it starts an application,
 * so no application can be served without them, whatever registers it. Public only because Jersey's service loader
 * needs it to be.
 */
@ConstrainedTo(RuntimeType.SERVER)
public final class EngineApiExtensions implements ForcedAutoDiscoverable {

	@Override
	public void configure(FeatureContext context) {
		if (context.getConfiguration().getRuntimeType() != RuntimeType.SERVER
				|| context.getConfiguration().isRegistered(EngineOperationGuard.class)) {
			return;
		}
		context.register(new EngineOperationGuard());
		context.register(new EngineApiProblems());
	}
}
