/**
 * Who is signed in and what their roles allow: the role list, authentication against the engine's identity store,
 * the engine's authenticated identity per request, and the engine authorizations granted at start-up.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package org.opennrm.security;
