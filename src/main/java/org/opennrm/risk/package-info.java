/**
 * Joint risk assessment: police and the case manager rate the risk to the person separately, the higher rating wins,
 * and the case registry records it. Called by the case process before a placement, before any return and
 * periodically ({@link org.opennrm.risk.RiskAssessmentProcess}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Risk assessment")
package org.opennrm.risk;
