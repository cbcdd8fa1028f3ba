package org.opennrm.security.internal;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Reads the security settings before the service's beans are made, so that a start refused for them
 * ({@link SecurityProperties}: a bootstrap administrator without a password, or with a well-known one) is refused
 * before the service opens its database: nothing is migrated, created or deployed. Bean factory post-processors run
 * before any ordinary bean; the settings bean itself is bound again later, from the same values.
 */
@Component
final class SettingsCheckedFirst implements BeanFactoryPostProcessor, EnvironmentAware {

	/**
	 * Given, not injected: a post-processor is made before the post-processor that picks a bean's constructor, so it
	 * needs one without arguments.
	 */
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
