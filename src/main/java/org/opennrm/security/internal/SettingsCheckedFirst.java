package org.opennrm.security.internal;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Reads the security settings before any other bean is made, so that a start refused for them ({@link
 * SecurityProperties}: a bootstrap administrator without a password, or with a well-known one) is refused before the
 * service opens its database: nothing is migrated, created or deployed. Bean factory post-processors run before the
 * beans; the settings bean itself is bound again later, from the same values.
 */
@Component
class SettingsCheckedFirst implements BeanFactoryPostProcessor, EnvironmentAware {

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		Binder.get(this.environment).bindOrCreate("nrm.security", SecurityProperties.class);
	}
}
