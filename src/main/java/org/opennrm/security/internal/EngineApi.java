package org.opennrm.security.internal;

import java.util.Arrays;
import java.util.Optional;

/**
 * The engine's HTTP APIs: the engine REST API and the APIs of the Camunda webapps, each a JAX-RS application of its
 * own, told apart by the servlet that serves it (the container's own mapping, not a spelling of the URL).
 */
enum EngineApi {

	/** The engine REST API. */
	ENGINE_REST("engine-rest", "/engine-rest", true),

	/** The engine REST API as the webapps (Tasklist, Cockpit, Admin) call it, with their session sign-in. */
	ENGINE("engine", "/camunda/api/engine", true),

	/** The webapps' sign-in and Admin's own resources. */
	ADMIN("admin", "/camunda/api/admin", false),

	/** Cockpit's own plugin resources. */
	COCKPIT("cockpit", "/camunda/api/cockpit", false),

	/** Tasklist's own plugin resources. */
	TASKLIST("tasklist", "/camunda/api/tasklist", false),

	/** The welcome page's own plugin resources. */
	WELCOME("welcome", "/camunda/api/welcome", false);

	private final String id;

	private final String servletPath;

	private final boolean engineResources;

	EngineApi(String id, String servletPath, boolean engineResources) {
		this.id = id;
		this.servletPath = servletPath;
		this.engineResources = engineResources;
	}

	/** The name the surface file uses. */
	String id() {
		return this.id;
	}

	/** Where the service serves it. */
	String servletPath() {
		return this.servletPath;
	}

	/** Whether it serves the engine's own REST resources (and so answers to a named-engine spelling as well). */
	boolean servesEngineResources() {
		return this.engineResources;
	}

	static Optional<EngineApi> ofId(String id) {
		return Arrays.stream(values()).filter(api -> api.id.equals(id)).findFirst();
	}

	static Optional<EngineApi> ofServletPath(String servletPath) {
		return Arrays.stream(values()).filter(api -> api.servletPath.equals(servletPath)).findFirst();
	}
}
