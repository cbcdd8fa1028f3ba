package org.opennrm.security.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.opennrm.platform.EngineActor;
import org.opennrm.platform.EngineCommandRule;
import org.opennrm.platform.InvalidFields;
import org.opennrm.platform.UserCommand;
import org.springframework.stereotype.Component;

/**
 * A new password that breaks the password policy is a bad request that names the rules it breaks, on every path
 * (Admin, the welcome page's profile, the engine REST API): the engine itself would refuse it only with a server
 * error.
 */
@Component
class PasswordPolicyRule implements EngineCommandRule {

	private final IdentityService identityService;

	PasswordPolicyRule(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	public void check(UserCommand command, EngineActor actor) {
		if (command.kind() != UserCommand.Kind.SAVE_USER || command.newPassword().isEmpty()) {
			return;
		}
		PasswordPolicyResult result = this.identityService.checkPasswordAgainstPolicy(command.newPassword().get(),
				command.user());
		if (!result.isValid()) {
			throw new InvalidFields(Map.of("password", "does not meet the password policy: "
					+ describe(result.getViolatedRules())));
		}
	}

	private static String describe(List<org.camunda.bpm.engine.identity.PasswordPolicyRule> violated) {
		return violated.stream().map(rule -> {
			Map<String, String> parameters = rule.getParameters() == null ? Map.of() : rule.getParameters();
			return switch (rule.getPlaceholder()) {
				case "PASSWORD_POLICY_LENGTH" -> "at least " + parameters.get("minLength") + " characters";
				case "PASSWORD_POLICY_DIGIT" -> "at least " + parameters.get("minDigit") + " digit(s)";
				case "PASSWORD_POLICY_LOWERCASE" -> "at least " + parameters.get("minLowerCase") + " lower-case letter(s)";
				case "PASSWORD_POLICY_UPPERCASE" -> "at least " + parameters.get("minUpperCase") + " upper-case letter(s)";
				case "PASSWORD_POLICY_SPECIAL" -> "at least " + parameters.get("minSpecial") + " special character(s)";
				case "PASSWORD_POLICY_USER_DATA" -> "no part of the user's name or id";
				default -> rule.getPlaceholder();
			};
		}).collect(Collectors.joining(", "));
	}
}
