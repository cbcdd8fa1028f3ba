package org.opennrm.demo.internal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo profile's users ({@code config/application-demo.yml}).
 *
 * @param password the one password of every demo user (listed in the README; never valid outside the demo profile)
 * @param users one user per role
 */
@ConfigurationProperties("nrm.demo")
record DemoProperties(String password, @DefaultValue List<DemoUser> users) {

	record DemoUser(String id, String firstName, String lastName, List<String> groups) {
	}
}
