package org.opennrm.casefile;

/**
 * The policy's answer for one user, case, section and operation.
 *
 * @param allowed whether it may be done
 * @param basis the scope it rests on ({@code null} when refused)
 * @param purpose the purpose the policy records for it ({@code null} when refused)
 */
public record AccessDecision(boolean allowed, Basis basis, String purpose) {

	public static AccessDecision refused() {
		return new AccessDecision(false, null, null);
	}

	public static AccessDecision allowedOn(Basis basis, String purpose) {
		return new AccessDecision(true, basis, purpose);
	}

	/**
	 * The scopes of the policy, break-glass, and a transnational referral (the sections the person agreed to send to
	 * another country's instance, read and written by the service, never opened to a user by it).
	 */
	public enum Basis {

		CaseOwner("case-owner"), ReferralRecipient("referral-recipient"), PoliceCooperation("police-cooperation"),
		CompetentAuthority("competent-authority"), Guardian("guardian"), Oversight("oversight"),
		BreakGlass("break-glass"), TransnationalReferral("transnational-referral");

		private final String key;

		Basis(String key) {
			this.key = key;
		}

		/** The scope's name in the policy file (break-glass and transnational referral are rules of their own). */
		public String key() {
			return this.key;
		}
	}
}
