/**
 * Psycho-social support: a provider assesses the person's needs, agrees a plan with them, records sessions until the
 * support ends as planned or is handed over, and reviews it at the jurisdiction's interval. Called by the service
 * hand-off when psycho-social support is accepted. Session content never enters the engine: the forms take references
 * to the provider's own file only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Psycho-social support")
package org.opennrm.psychosocial;
