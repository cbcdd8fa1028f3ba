package org.opennrm.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * A bootstrap administrator that could never be right is refused as the settings are read, before the service
 * touches its database (AdministratorGuardIT starts the service with it).
 */
class SecurityPropertiesTest {

	static final List<String> KNOWN = List.of("admin", "demo");

	@Test
	void no_bootstrap_administrator_is_none_at_all() {
		assertThat(properties(null).bootstrapAdmin().isConfigured()).isFalse();
		assertThat(properties(new SecurityProperties.BootstrapAdmin("", " ")).bootstrapAdmin().isConfigured()).isFalse();
	}

	@Test
	void a_bootstrap_administrator_needs_both_a_user_id_and_a_password() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> properties(new SecurityProperties.BootstrapAdmin("root", null)))
			.withMessageContaining("needs both a user id and a password");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> properties(new SecurityProperties.BootstrapAdmin(" ", "Tq8!vR3#mW6-zL1")))
			.withMessageContaining("needs both a user id and a password");
	}

	@Test
	void a_well_known_password_or_the_user_id_as_password_is_refused_whatever_its_case() {
		for (String password : List.of("admin", "ADMIN", "Demo", "root", "Root")) {
			assertThatIllegalArgumentException().as(password)
				.isThrownBy(() -> properties(new SecurityProperties.BootstrapAdmin("root", password)))
				.withMessageContaining("well-known default");
		}
		assertThat(properties(new SecurityProperties.BootstrapAdmin("root", "Tq8!vR3#mW6-zL1")).bootstrapAdmin()
			.isConfigured()).isTrue();
	}

	@Test
	void the_settings_never_show_the_password() {
		String shown = properties(new SecurityProperties.BootstrapAdmin("root", "Tq8!vR3#mW6-zL1")).toString();

		assertThat(shown).contains("root").doesNotContain("Tq8!vR3#mW6-zL1");
	}

	private static SecurityProperties properties(SecurityProperties.BootstrapAdmin admin) {
		return new SecurityProperties(admin, true, true, KNOWN, DataSize.ofMegabytes(1));
	}
}
