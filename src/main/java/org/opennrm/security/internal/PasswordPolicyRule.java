package org.opennrm.security.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.opennrm.i18n.Text;
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
			throw InvalidFields.of("password", "problem.password.policy", describe(result.getViolatedRules()));
		}
	}

	private static Text describe(List<org.camunda.bpm.engine.identity.PasswordPolicyRule> violated) {
		return Text.list(violated.stream().map(rule -> {
			Map<String, String> parameters = rule.getParameters() == null ? Map.of() : rule.getParameters();
			return switch (rule.getPlaceholder()) {
				case "PASSWORD_POLICY_LENGTH" -> Text.of("password.rule.length", number(parameters.get("minLength")));
				case "PASSWORD_POLICY_DIGIT" -> Text.of("password.rule.digit", number(parameters.get("minDigit")));
				case "PASSWORD_POLICY_LOWERCASE" -> Text.of("password.rule.lowerCase", number(parameters.get("minLowerCase")));
				case "PASSWORD_POLICY_UPPERCASE" -> Text.of("password.rule.upperCase", number(parameters.get("minUpperCase")));
				case "PASSWORD_POLICY_SPECIAL" -> Text.of("password.rule.special", number(parameters.get("minSpecial")));
				case "PASSWORD_POLICY_USER_DATA" -> Text.of("password.rule.userData");
				default -> Text.said(rule.getPlaceholder());
			};
		}).toList());
	}

	private static int number(String parameter) {
		try {
			return Integer.parseInt(parameter);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}
}
