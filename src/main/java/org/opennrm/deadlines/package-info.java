/**
 * Jurisdictions and their clocks: profiles (durations, public holidays, competent authority) read from
 * {@code config/jurisdictions/}, a working-day calendar, the {@code deadlines} bean that models use for due dates and
 * timers, and escalation when a deadline passes: a reminder to the owner, a supervisor's follow-up, then the national
 * coordinator. A missed deadline never removes a protection.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Deadlines and jurisdictions")
package org.opennrm.deadlines;
