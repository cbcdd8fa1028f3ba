/**
 * Identification of victims of trafficking: indicator screening on versioned checklists, a recommended screening
 * outcome that a person confirms or overrides, the reasonable grounds decision, and the formal identification decision
 * with its reconsideration window. A positive screen means presumed, never proof; what a screening found is kept in
 * the screening record, never in the engine.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identification")
package org.opennrm.identification;
