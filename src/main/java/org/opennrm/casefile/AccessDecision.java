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

	/** The scopes of the policy, and break-glass. */
	public enum Basis {

		CaseOwner("case-owner"), ReferralRecipient("referral-recipient"), PoliceCooperation("police-cooperation"),
		CompetentAuthority("competent-authority"), Guardian("guardian"), Oversight("oversight"),
		BreakGlass("break-glass");

		private final String key;

		Basis(String key) {
			this.key = key;
		}

		/** The scope's name in the policy file. */
		public String key() {
			return this.key;
		}
	}
}
