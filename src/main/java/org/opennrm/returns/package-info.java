/**
 * Voluntary return: requested through {@code POST /api/cases/{reference}/return-requests}, refused at once while the
 * person is protected from removal (identification pending, recovery period, formal decision awaited,
 * reconsideration window), otherwise consented to, risk-assessed, in a child's best interests and received by a
 * partner in the country of return ({@link org.opennrm.returns.VoluntaryReturnProcess}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Voluntary return")
package org.opennrm.returns;
