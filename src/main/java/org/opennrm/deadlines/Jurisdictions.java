package org.opennrm.deadlines;

import java.util.Set;

/** The jurisdiction profiles this service knows, and the one new cases follow. */
public interface Jurisdictions {

	JurisdictionProfile profile(String id);

	Set<String> ids();

	/** The profile new cases follow ({@code nrm.cases.jurisdiction}). */
	String defaultId();

	/**
	 * Reads the profiles at a location, e.g. {@code file:config/jurisdictions/*.yml} (process tests use this; the
	 * service reads them at start-up).
	 */
	static Jurisdictions load(String location, String defaultId) {
		try {
			return new org.opennrm.deadlines.internal.JurisdictionProfilesAccess().load(location, defaultId);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}
}
