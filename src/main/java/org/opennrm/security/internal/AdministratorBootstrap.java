package org.opennrm.security.internal;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.opennrm.platform.StartupOrder;
import org.opennrm.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator from configuration (in production: from the environment, never a file in the
 * repository), and refuses to start without an administrator or while any administrator keeps a well-known password.
 */
@Component
@Order(StartupOrder.ACCESS + 1)
class AdministratorBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);

	private final IdentityService identityService;

	private final ProcessEngineConfigurationImpl engineConfiguration;

	private final SecurityProperties properties;

	AdministratorBootstrap(IdentityService identityService, ProcessEngineConfiguration engineConfiguration,
			SecurityProperties properties) {
		this.identityService = identityService;
		this.engineConfiguration = (ProcessEngineConfigurationImpl) engineConfiguration;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		SecurityProperties.BootstrapAdmin admin = this.properties.bootstrapAdmin();
		if (admin.isConfigured()) {
			createIfMissing(admin);
		}
		if (this.properties.requireAdministrator()
				&& this.identityService.createUserQuery().memberOfGroup(Role.ADMIN.groupId()).count() == 0) {
			throw new IllegalStateException(
					"Refusing to start without an administrator: set NRM_ADMIN_USER and NRM_ADMIN_PASSWORD");
		}
		if (this.properties.refuseDefaultAdminPasswords()) {
			refuseKnownPasswords();
		}
	}

	/** Both fields set, and not to a well-known password: {@link SecurityProperties} refused anything else. */
	private void createIfMissing(SecurityProperties.BootstrapAdmin admin) {
		if (this.identityService.createUserQuery().userId(admin.userId()).count() == 0) {
			PasswordPolicyResult policy = this.identityService.checkPasswordAgainstPolicy(admin.password());
			if (!policy.isValid()) {
				throw new IllegalStateException("The bootstrap administrator's password does not meet the password policy: "
						+ policy.getViolatedRules().stream().map(rule -> rule.getPlaceholder()).toList());
			}
			User user = this.identityService.newUser(admin.userId());
			user.setFirstName("Administrator");
			user.setLastName(admin.userId());
			user.setPassword(admin.password());
			this.identityService.saveUser(user);
			log.info("Created the bootstrap administrator");
		}
		if (this.identityService.createUserQuery().userId(admin.userId()).memberOfGroup(Role.ADMIN.groupId())
			.count() == 0) {
			this.identityService.createMembership(admin.userId(), Role.ADMIN.groupId());
		}
	}

	/** Compares hashes directly, so the check neither counts as a failed login nor locks anyone out. */
	private void refuseKnownPasswords() {
		List<String> offenders = new ArrayList<>();
		for (User user : this.identityService.createUserQuery().memberOfGroup(Role.ADMIN.groupId()).listPage(0, 1000)) {
			if (user instanceof UserEntity entity && hasKnownDefault(entity)) {
				offenders.add(entity.getId());
			}
		}
		if (!offenders.isEmpty()) {
			throw new IllegalStateException("Refusing to start: administrator(s) " + offenders
					+ " still use a well-known default password. Change it in Admin or with NRM_ADMIN_PASSWORD.");
		}
	}

	private boolean hasKnownDefault(UserEntity user) {
		if (user.getPassword() == null) {
			return false;
		}
		List<String> candidates = new ArrayList<>(this.properties.knownDefaultPasswords());
		candidates.add(user.getId());
		return candidates.stream().anyMatch(candidate -> this.engineConfiguration.getPasswordManager()
			.check(EncryptionUtil.saltPassword(candidate, user.getSalt()), user.getPassword()));
	}
}
