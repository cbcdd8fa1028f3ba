/**
 * The individual assistance plan: written by the case manager with the person (with the guardian for a child) and
 * approved by a supervisor who is not its author (four eyes). Called by the case process
 * ({@link org.opennrm.assistance.AssistancePlanProcess}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assistance plan")
package org.opennrm.assistance;
