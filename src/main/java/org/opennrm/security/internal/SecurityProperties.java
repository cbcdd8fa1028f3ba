package org.opennrm.security.internal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Security settings an operator sets.
 *
 * @param bootstrapAdmin the administrator to create on first start (in production from the environment)
 * @param refuseDefaultAdminPasswords whether to refuse to start while an administrator has a well-known password
 * @param requireAdministrator whether to refuse to start without any administrator
 * @param knownDefaultPasswords the well-known passwords an administrator must not keep
 * @param maxBodySize the longest request body accepted (form posts and uploads are capped by the container)
 */
@ConfigurationProperties("nrm.security")
record SecurityProperties(BootstrapAdmin bootstrapAdmin, @DefaultValue("true") boolean refuseDefaultAdminPasswords,
		@DefaultValue("true") boolean requireAdministrator, @DefaultValue List<String> knownDefaultPasswords,
		@DefaultValue("1MB") DataSize maxBodySize) {

	SecurityProperties {
		bootstrapAdmin = bootstrapAdmin == null ? new BootstrapAdmin(null, null) : bootstrapAdmin;
		knownDefaultPasswords = List.copyOf(knownDefaultPasswords);
	}

	/** An administrator created when missing; both fields empty means none. */
	record BootstrapAdmin(String userId, String password) {

		boolean isConfigured() {
			return (this.userId != null && !this.userId.isBlank()) || (this.password != null && !this.password.isBlank());
		}
	}
}
