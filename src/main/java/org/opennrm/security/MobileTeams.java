package org.opennrm.security;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Mobile identification teams: each team is a group of the identity store, of type {@value #GROUP_TYPE}, whose id
 * starts with {@code team-}, and whose members come from several agencies (each member keeps their agency's group).
 * A team opens cases as their referring party: the case's screening tasks go to the team, and the team leads the case
 * until case management takes it over; what a member may see follows the access policy with the member's own role.
 */
public final class MobileTeams {

	/** The engine group type of a team (set in Admin, or by {@code nrm.field.teams}). */
	public static final String GROUP_TYPE = "mobile-team";

	private static final Pattern ID = Pattern.compile("team-[a-z0-9]+(-[a-z0-9]+)*");

	private MobileTeams() {
	}

	/** Whether a group id has the form of a team's ({@code team-north}); membership is checked elsewhere. */
	public static boolean isTeamId(String groupId) {
		return groupId != null && groupId.length() <= 64 && ID.matcher(groupId).matches();
	}

	/** The teams among these group ids, sorted. */
	public static List<String> teamsAmong(Collection<String> groupIds) {
		return groupIds.stream().filter(MobileTeams::isTeamId).sorted().toList();
	}
}
