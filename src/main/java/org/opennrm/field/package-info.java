/**
 * The field page of mobile identification teams ({@code /field}): open a case as a team, screen it on the versioned
 * indicator checklist, confirm or override the recommendation, record consent so that case management takes the case
 * over, on a phone and a weak connection. Every step is the pathway's own task, completed through the same service
 * and rules as Tasklist and the task API; the answers given so far are kept on the server, sealed, never in the
 * browser. See ADR 41.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Field screening by mobile teams")
package org.opennrm.field;
