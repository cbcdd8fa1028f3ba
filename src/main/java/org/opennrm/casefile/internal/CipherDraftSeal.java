package org.opennrm.casefile.internal;

import java.nio.charset.StandardCharsets;

import org.opennrm.casefile.DraftSeal;
import org.springframework.stereotype.Component;

/** Drafts sealed like sections: the same key, associated data naming the draft's kind and case. */
@Component
class CipherDraftSeal implements DraftSeal {

	private final SectionCipher cipher;

	CipherDraftSeal(SectionCipher cipher) {
		this.cipher = cipher;
	}

	@Override
	public byte[] seal(String caseId, String kind, byte[] plaintext) {
		return this.cipher.seal(plaintext, associatedData(caseId, kind));
	}

	@Override
	public byte[] open(String caseId, String kind, byte[] sealed) {
		return this.cipher.open(sealed, associatedData(caseId, kind));
	}

	private static byte[] associatedData(String caseId, String kind) {
		return ("draft|" + kind + "|" + caseId).getBytes(StandardCharsets.UTF_8);
	}
}
