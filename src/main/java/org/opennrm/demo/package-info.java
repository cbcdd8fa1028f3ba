/**
 * Synthetic demo users and cases, in the {@code demo} profile only, so that a newcomer opening Tasklist has work to
 * do. Nothing here runs in production profiles.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package org.opennrm.demo;
