package org.opennrm.child.internal;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.opennrm.child.AppointGuardian;
import org.opennrm.child.ChildProtectionProcess.Variables;
import org.opennrm.i18n.Text;
import org.opennrm.platform.TrustedEngineCalls;
import org.opennrm.security.Role;

/**
 * Whether a user may be appointed guardian: a member of the guardians group in the identity store. The social
 * worker who appoints may not read users (the engine grants that to administrators only), so this one membership
 * fact is read without their authorizations; nothing about the user is returned.
 */
final class Guardians {

	static final Text NOT_A_GUARDIAN = Text.of("problem.guardian.notAGuardian");

	private Guardians() {
	}

	static Map<String, Text> mustBeGuardian(AppointGuardian appointment, DelegateTask task) {
		return isGuardian(task.getProcessEngineServices().getIdentityService(), appointment.guardianUserId()) ? Map.of()
				: Map.of(Variables.GUARDIAN_USER_ID, NOT_A_GUARDIAN);
	}

	static boolean isGuardian(IdentityService identityService, String userId) {
		// A social worker appointing a guardian may not read users: the membership check is a trusted call.
		return TrustedEngineCalls.withinCommand(() -> countGuardians(identityService, userId)) > 0;
	}

	private static long countGuardians(IdentityService identityService, String userId) {
		return identityService.createUserQuery().userId(userId).memberOfGroup(Role.GUARDIAN.groupId()).count();
	}
}
