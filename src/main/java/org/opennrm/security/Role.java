package org.opennrm.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The one list of roles. Each role is a group in the engine's identity service (so Tasklist, Cockpit, Admin and our
 * API share one truth) and a Spring Security authority {@code ROLE_<NAME>}.
 */
public enum Role {

	/** Police and other law-enforcement first responders. */
	POLICE("police", "Police", Kind.AGENCY),

	/** Social services: child protection and case management. */
	SOCIAL("social", "Social services", Kind.AGENCY),

	/** Health services. */
	HEALTH("health", "Health services", Kind.AGENCY),

	/** Shelter and support NGOs. */
	NGO("ngo", "Shelter and support NGOs", Kind.AGENCY),

	/**
	 * The competent authority that takes the preliminary (reasonable grounds) and formal identification decisions and
	 * decides on the recovery period. Which group that is comes from the jurisdiction profile.
	 */
	AUTHORITY("authority", "Identification authority", Kind.DECISION),

	/** Guardians appointed for children: give consent for the child and take part in best-interests decisions. */
	GUARDIAN("guardian", "Guardians", Kind.DECISION),

	/** Supervisors: watch cases, deadlines and workloads, and step in. */
	SUPERVISOR("supervisor", "Supervisors", Kind.OVERSIGHT),

	/** The national anti-trafficking coordinator: receives escalations after a second missed deadline. */
	COORDINATOR("coordinator", "National coordinator", Kind.OVERSIGHT),

	/** Auditors: read the history of a case, never change it. */
	AUDITOR("auditor", "Auditors", Kind.OVERSIGHT),

	/**
	 * Administrators: users, groups, authorizations and deployments. The group is Camunda's own administrator group,
	 * so the webapps recognise it (and never offer their first-administrator setup while one exists).
	 */
	ADMIN("camunda-admin", "Administrators", Kind.ADMINISTRATION);

	/**
	 * What a role is for: agencies hold and hand over casework (and open cases); decision makers take decisions on a
	 * case without holding it; oversight watches and steps in.
	 */
	public enum Kind {
		AGENCY, DECISION, OVERSIGHT, ADMINISTRATION
	}

	private final String groupId;

	private final String displayName;

	private final Kind kind;

	Role(String groupId, String displayName, Kind kind) {
		this.groupId = groupId;
		this.displayName = displayName;
		this.kind = kind;
	}

	/** The engine group id, e.g. {@code social}. */
	public String groupId() {
		return this.groupId;
	}

	/** The group's name as Admin and Tasklist show it. */
	public String displayName() {
		return this.displayName;
	}

	/** The Spring Security authority, e.g. {@code ROLE_SOCIAL}. */
	public String authority() {
		return "ROLE_" + name();
	}

	public boolean isAgency() {
		return this.kind == Kind.AGENCY;
	}

	public Kind kind() {
		return this.kind;
	}

	public static Optional<Role> ofGroup(String groupId) {
		return Arrays.stream(values()).filter(role -> role.groupId.equals(groupId)).findFirst();
	}

	/** The agencies that take part in casework: police, social services, health services and NGOs. */
	public static Set<Role> agencies() {
		EnumSet<Role> agencies = EnumSet.noneOf(Role.class);
		Arrays.stream(values()).filter(Role::isAgency).forEach(agencies::add);
		return agencies;
	}
}
