package org.opennrm.retention.internal;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.opennrm.platform.Problems;
import org.opennrm.retention.CaseErased;
import org.opennrm.security.CurrentUser;
import org.opennrm.security.NrmUser;
import org.opennrm.security.Role;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Runs erasure now, as the scheduled job would; administrators only. */
@RestController
@RequestMapping(path = "/api/retention", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Retention", description = "Erasure of closed cases whose retention period has ended")
class ErasureController {

	private final Erasures erasures;

	ErasureController(Erasures erasures) {
		this.erasures = erasures;
	}

	@PostMapping("/erasures/run")
	@Operation(summary = "Erase every closed case whose retention period has ended; answers the stubs left behind")
	ErasureRun run() {
		NrmUser user = CurrentUser.get();
		if (!user.has(Role.ADMIN)) {
			throw Problems.forbidden("problem.erasure.administratorsOnly");
		}
		return new ErasureRun(this.erasures.run(user.userId()));
	}

	/** What one run erased: one entry per case, none when nothing was due. */
	record ErasureRun(List<CaseErased> erased) {
	}
}
