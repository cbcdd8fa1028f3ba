/**
 * The trafficking case: the main process of the NRM pathway ({@code processes/case/NrmCase.bpmn}) that calls
 * identification, the recovery period, formal identification, child protection, risk assessment, the assistance plan
 * and service hand-offs; the person's consent; cooperation with police; closure. Its API opens cases and records
 * events that arrive at any time (a withdrawal of consent, new evidence).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Casework")
package org.opennrm.casework;
