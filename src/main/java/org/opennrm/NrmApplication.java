package org.opennrm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * OpenNRM: runs the hand-offs of a national referral mechanism for victims of trafficking as BPMN processes on an
 * embedded Camunda 7 engine. Each direct sub-package is a module whose root package is its API.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NrmApplication {

	public static void main(String[] args) {
		SpringApplication.run(NrmApplication.class, args);
	}
}
