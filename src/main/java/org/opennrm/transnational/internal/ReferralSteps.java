package org.opennrm.transnational.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.opennrm.transnational.ReferralStep;
import org.opennrm.transnational.TransnationalReferralMoved.Direction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The steps of referrals on this instance ({@code nrm_transnational_step}), for both registries. */
@Component
class ReferralSteps {

	private final JdbcClient jdbc;

	ReferralSteps(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(String referralId, Direction direction, String step, String actor, String detail, Instant at) {
		this.jdbc.sql("""
				insert into nrm_transnational_step (referral_id, direction, step, actor, detail, at)
				values (:referralId, :direction, :step, :actor, :detail, :at)""")
			.param("referralId", referralId)
			.param("direction", direction.name())
			.param("step", step)
			.param("actor", actor)
			.param("detail", detail == null ? null : detail.length() > 200 ? detail.substring(0, 200) : detail)
			.param("at", utc(at))
			.update();
	}

	List<ReferralStep> of(String referralId, Direction direction) {
		return this.jdbc.sql("""
				select step, actor, detail, at from nrm_transnational_step
				 where referral_id = :referralId and direction = :direction order by id""")
			.param("referralId", referralId)
			.param("direction", direction.name())
			.query((rs, n) -> new ReferralStep(rs.getString("step"), rs.getString("actor"), rs.getString("detail"),
					instant(rs, "at")))
			.list();
	}

	int erase(List<String> referralIds, Direction direction) {
		if (referralIds.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("delete from nrm_transnational_step where referral_id in (:ids) and direction = :direction")
			.param("ids", referralIds)
			.param("direction", direction.name())
			.update();
	}

	static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}
}
