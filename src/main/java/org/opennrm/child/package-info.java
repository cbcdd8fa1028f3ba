/**
 * Child protection: an uncertain age means a child, and child protection (social services) leads, not police. A
 * guardian is appointed without delay and consents on the child's behalf, the child's best interests are determined
 * (they gate placement, family contact and return), and an uncertain age is assessed; an adult moves to the adult
 * track ({@link org.opennrm.child.ChildProtectionProcess}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Child protection")
package org.opennrm.child;
