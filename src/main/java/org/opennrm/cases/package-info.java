/**
 * The case registry: references, lead agency and HTCDS status of every case. Holds no personal data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cases")
package org.opennrm.cases;
