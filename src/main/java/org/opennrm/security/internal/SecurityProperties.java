package org.opennrm.security.internal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Security settings an operator sets.
 *
 * @param bootstrapAdmin the administrator to create on first start (in production from the environment)
 * @param refuseDefaultAdminPasswords whether to refuse to start while an administrator has a well-known password (a
 *        bootstrap administrator with one is refused whatever this says)
 * @param requireAdministrator whether to refuse to start without any administrator
 * @param knownDefaultPasswords the well-known passwords an administrator must not keep
 * @param maxBodySize the longest request body accepted (form posts and uploads are capped by the container)
 */
@ConfigurationProperties("nrm.security")
record SecurityProperties(BootstrapAdmin bootstrapAdmin, @DefaultValue("true") boolean refuseDefaultAdminPasswords,
		@DefaultValue("true") boolean requireAdministrator, @DefaultValue List<String> knownDefaultPasswords,
		@DefaultValue("1MB") DataSize maxBodySize) {

	/**
	 * Refuses a bootstrap administrator that could never be right, while the settings are read: before the service
	 * touches its database, so a start refused for it leaves nothing behind. Whether the password meets the engine's
	 * policy is checked when the administrator is created ({@link AdministratorBootstrap}).
	 */
	SecurityProperties {
		bootstrapAdmin = bootstrapAdmin == null ? new BootstrapAdmin(null, null) : bootstrapAdmin;
		knownDefaultPasswords = List.copyOf(knownDefaultPasswords);
		if (bootstrapAdmin.isConfigured()) {
			bootstrapAdmin.refuseIfUnusable(knownDefaultPasswords);
		}
	}

	/** An administrator created when missing; both fields empty means none. */
	record BootstrapAdmin(String userId, String password) {

		boolean isConfigured() {
			return (this.userId != null && !this.userId.isBlank()) || (this.password != null && !this.password.isBlank());
		}

		private void refuseIfUnusable(List<String> knownDefaultPasswords) {
			if (this.userId == null || this.userId.isBlank() || this.password == null || this.password.isBlank()) {
				throw new IllegalArgumentException("The bootstrap administrator needs both a user id and a password "
						+ "(NRM_ADMIN_USER, NRM_ADMIN_PASSWORD)");
			}
			if (this.password.equalsIgnoreCase(this.userId)
					|| knownDefaultPasswords.stream().anyMatch(known -> known.equalsIgnoreCase(this.password))) {
				throw new IllegalArgumentException("The bootstrap administrator's password is a well-known default; set "
						+ "NRM_ADMIN_PASSWORD to a strong secret");
			}
		}

		/** Never the password, should the settings be logged or shown in a failure report. */
		@Override
		public String toString() {
			return "BootstrapAdmin[userId=" + this.userId + ", password=" + (this.password == null ? "none" : "[set]")
					+ "]";
		}
	}
}
