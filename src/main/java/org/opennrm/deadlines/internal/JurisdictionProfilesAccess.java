package org.opennrm.deadlines.internal;

import java.io.IOException;

import org.opennrm.deadlines.Jurisdictions;

/** Lets {@link Jurisdictions#load} build the loader without exposing it. */
public final class JurisdictionProfilesAccess {

	public Jurisdictions load(String location, String defaultId) throws IOException {
		return new JurisdictionProfiles(location, defaultId);
	}
}
