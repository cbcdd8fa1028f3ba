package org.opennrm.audit.internal;

import org.opennrm.audit.AuditTrail;
import org.springframework.context.ApplicationContext;
import org.springframework.test.util.AopTestUtils;

/**
 * Turns writing the audit trail off and on again, for the audit overhead benchmark only. It lives in the test tree so
 * that no running service can reach it: production has no switch.
 */
public final class AuditSwitch {

	private AuditSwitch() {
	}

	public static void writing(ApplicationContext service, boolean writing) {
		// The bean is a transactional proxy: the switch is on the object behind it.
		Object trail = AopTestUtils.getUltimateTargetObject(service.getBean(AuditTrail.class));
		if (!(trail instanceof JdbcAuditTrail jdbcTrail)) {
			throw new IllegalStateException("Not the JDBC trail (a proxy?): " + trail.getClass());
		}
		jdbcTrail.writing(writing);
	}
}
