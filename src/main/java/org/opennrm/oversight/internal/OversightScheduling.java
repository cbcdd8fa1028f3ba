package org.opennrm.oversight.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Absences begin and lapse with the calendar: the cover check runs on a schedule ({@code nrm.oversight.cover-check}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class OversightScheduling {
}
