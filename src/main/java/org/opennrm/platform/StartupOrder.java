package org.opennrm.platform;

/**
 * The order of the start-up steps that run once the engine is up and the models are deployed (models deploy while
 * the engine is built, before any of these).
 */
public final class StartupOrder {

	/** The history time to live of every deployed process and decision, from configuration. */
	public static final int RETENTION = 50;

	/** Groups, engine authorizations and Tasklist filters. */
	public static final int ACCESS = 100;

	/** Statistics rows for cases registered before statistics existed. */
	public static final int STATISTICS_BACKFILL = 200;

	/** Synthetic demo users and cases (demo profile only). */
	public static final int DEMO_DATA = 1000;

	private StartupOrder() {
	}
}
