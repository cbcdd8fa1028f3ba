/**
 * The case referral process: a frontline worker opens a case and screens for indicators; a presumed victim is
 * referred to case management, which assesses immediate needs, hands over to services and closes the case.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Case referral")
package org.opennrm.referral;
