/**
 * The service hand-off: one service offered to a receiving agency, accepted or declined with a reason; a decline goes
 * back to the referring agency to choose another provider or withdraw. Called once per service by case processes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service hand-off")
package org.opennrm.handoff;
