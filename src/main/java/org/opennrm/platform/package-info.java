/**
 * The engine and the web plumbing every feature shares: engine hardening, deployment of the models under
 * {@code processes/}, and problem responses for errors.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.opennrm.platform;
