package org.opennrm.cases.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param referencePrefix prefix of case references, e.g. {@code NRM}; the demo profile uses {@code DEMO} so synthetic
 * cases are recognisable
 * @param jurisdiction the jurisdiction profile new cases follow
 */
@ConfigurationProperties("nrm.cases")
record CaseProperties(@DefaultValue("NRM") String referencePrefix, @DefaultValue("coe") String jurisdiction) {
}
