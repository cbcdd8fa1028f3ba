package org.opennrm.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.opennrm.audit.AuditEntry;
import org.opennrm.audit.AuditEventType;
import org.opennrm.audit.AuditTrail;
import org.opennrm.platform.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The trail in {@code nrm_audit_entry}, chained by SHA-256: each entry's hash covers its own fields and the hash of
 * the entry before it. Appending locks the head row ({@code nrm_audit_head}), so concurrent appends queue up and the
 * sequence has no gaps.
 */
@Repository
class JdbcAuditTrail implements AuditTrail {

	static final String GENESIS = "0".repeat(64);

	private static final int DETAIL_LENGTH = 4000;

	private static final int PURPOSE_LENGTH = 500;

	private static final int SUBJECT_LENGTH = 200;

	private final JdbcClient jdbc;

	/**
	 * Off only to measure what writing the trail costs (the audit overhead benchmark, through a class of this package
	 * in the test tree). Deliberately not a configuration property: no deployment can turn the trail off.
	 */
	private volatile boolean writing = true;

	JdbcAuditTrail(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** For the overhead benchmark only; see {@link #writing}. */
	void writing(boolean writing) {
		this.writing = writing;
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRED)
	public AuditEntry append(NewEntry entry) {
		if (!this.writing) {
			return new AuditEntry(0, EngineClock.now().truncatedTo(ChronoUnit.MILLIS), entry.actor(), entry.type(),
					entry.caseId(), entry.caseReference(), entry.processInstanceId(), entry.subject(), entry.purpose(),
					entry.detail(), null, null);
		}
		Head head = this.jdbc.sql("select last_sequence, last_hash from nrm_audit_head where id = 1 for update")
			.query((rs, row) -> new Head(rs.getLong(1), rs.getString(2)))
			.single();
		long sequence = head.lastSequence() + 1;
		Instant at = EngineClock.now().truncatedTo(ChronoUnit.MILLIS);
		AuditEntry unsigned = new AuditEntry(sequence, at, cut(entry.actor(), 64), entry.type(), entry.caseId(),
				cut(entry.caseReference(), 40), entry.processInstanceId(), cut(entry.subject(), SUBJECT_LENGTH),
				cut(entry.purpose(), PURPOSE_LENGTH), cut(entry.detail(), DETAIL_LENGTH), head.lastHash(), null);
		String hash = hash(unsigned);
		this.jdbc.sql("""
				insert into nrm_audit_entry (sequence, at, actor, type, case_id, case_reference, process_instance_id,
				                             subject, purpose, detail, previous_hash, hash)
				values (:sequence, :at, :actor, :type, :caseId, :caseReference, :processInstanceId, :subject, :purpose,
				        :detail, :previousHash, :hash)""")
			.param("sequence", sequence)
			.param("at", at.atOffset(ZoneOffset.UTC))
			.param("actor", unsigned.actor())
			.param("type", unsigned.type().name())
			.param("caseId", unsigned.caseId())
			.param("caseReference", unsigned.caseReference())
			.param("processInstanceId", unsigned.processInstanceId())
			.param("subject", unsigned.subject())
			.param("purpose", unsigned.purpose())
			.param("detail", unsigned.detail())
			.param("previousHash", unsigned.previousHash())
			.param("hash", hash)
			.update();
		this.jdbc.sql("update nrm_audit_head set last_sequence = :sequence, last_hash = :hash where id = 1")
			.param("sequence", sequence)
			.param("hash", hash)
			.update();
		return withHash(unsigned, hash);
	}

	@Override
	@Transactional(readOnly = true)
	public Verification verify() {
		AtomicReference<Verification> broken = new AtomicReference<>();
		long[] state = { 0 };
		String[] previous = { GENESIS };
		this.jdbc.sql("select * from nrm_audit_entry order by sequence").query((ResultSet rs) -> {
			if (broken.get() != null) {
				return;
			}
			AuditEntry entry = entry(rs);
			long expected = state[0] + 1;
			if (entry.sequence() != expected) {
				broken.set(new Verification(false, state[0], expected, "entry " + expected + " is missing"));
				return;
			}
			if (!entry.previousHash().equals(previous[0])) {
				broken.set(new Verification(false, state[0], entry.sequence(),
						"it does not chain to the entry before it"));
				return;
			}
			if (!hash(entry).equals(entry.hash())) {
				broken.set(new Verification(false, state[0], entry.sequence(), "its content was changed"));
				return;
			}
			state[0] = entry.sequence();
			previous[0] = entry.hash();
		});
		if (broken.get() != null) {
			return broken.get();
		}
		Head head = this.jdbc.sql("select last_sequence, last_hash from nrm_audit_head where id = 1")
			.query((rs, row) -> new Head(rs.getLong(1), rs.getString(2)))
			.single();
		if (head.lastSequence() != state[0] || !head.lastHash().equals(previous[0])) {
			return new Verification(false, state[0], state[0] + 1,
					"the trail ends at entry " + state[0] + " but its head records entry " + head.lastSequence());
		}
		return new Verification(true, state[0], null, null);
	}

	@Override
	@Transactional(readOnly = true)
	public List<AuditEntry> ofCase(String caseId, List<String> processInstanceIds, Filter filter) {
		StringBuilder sql = new StringBuilder("select * from nrm_audit_entry where (case_id = :caseId");
		if (!processInstanceIds.isEmpty()) {
			sql.append(" or process_instance_id in (:processInstanceIds)");
		}
		sql.append(")");
		JdbcClient.StatementSpec statement = filtered(sql, filter);
		statement.param("caseId", caseId);
		if (!processInstanceIds.isEmpty()) {
			statement.param("processInstanceIds", processInstanceIds);
		}
		return statement.query((rs, row) -> entry(rs)).list();
	}

	@Override
	@Transactional(readOnly = true)
	public List<AuditEntry> byActor(String userId, Filter filter) {
		StringBuilder sql = new StringBuilder("select * from nrm_audit_entry where actor = :userId");
		return filtered(sql, new Filter(filter.from(), filter.to(), null, filter.types(), filter.limit()))
			.param("userId", userId)
			.query((rs, row) -> entry(rs))
			.list();
	}

	private JdbcClient.StatementSpec filtered(StringBuilder sql, Filter filter) {
		if (filter.from() != null) {
			sql.append(" and at >= :from");
		}
		if (filter.to() != null) {
			sql.append(" and at < :to");
		}
		if (filter.actor() != null) {
			sql.append(" and actor = :actor");
		}
		if (filter.types() != null && !filter.types().isEmpty()) {
			sql.append(" and type in (:types)");
		}
		sql.append(" order by sequence fetch first ").append(Math.max(1, filter.limit())).append(" rows only");
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql.toString());
		if (filter.from() != null) {
			statement.param("from", filter.from().atOffset(ZoneOffset.UTC));
		}
		if (filter.to() != null) {
			statement.param("to", filter.to().atOffset(ZoneOffset.UTC));
		}
		if (filter.actor() != null) {
			statement.param("actor", filter.actor());
		}
		if (filter.types() != null && !filter.types().isEmpty()) {
			statement.param("types", filter.types().stream().map(Enum::name).toList());
		}
		return statement;
	}

	/** SHA-256 over every field but the hash itself, each one length-prefixed so no two entries read alike. */
	static String hash(AuditEntry entry) {
		StringBuilder canonical = new StringBuilder();
		for (Object field : new Object[] { entry.sequence(), entry.at().toEpochMilli(), entry.actor(),
				entry.type().name(), entry.caseId(), entry.caseReference(), entry.processInstanceId(), entry.subject(),
				entry.purpose(), entry.detail(), entry.previousHash() }) {
			String value = field == null ? "\u0000" : field.toString();
			canonical.append(value.length()).append(':').append(value).append(';');
		}
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	private static AuditEntry entry(ResultSet rs) throws SQLException {
		return new AuditEntry(rs.getLong("sequence"), rs.getObject("at", OffsetDateTime.class).toInstant(),
				rs.getString("actor"), AuditEventType.valueOf(rs.getString("type")), rs.getString("case_id"),
				rs.getString("case_reference"), rs.getString("process_instance_id"), rs.getString("subject"),
				rs.getString("purpose"), rs.getString("detail"), rs.getString("previous_hash"), rs.getString("hash"));
	}

	private static AuditEntry withHash(AuditEntry entry, String hash) {
		return new AuditEntry(entry.sequence(), entry.at(), entry.actor(), entry.type(), entry.caseId(),
				entry.caseReference(), entry.processInstanceId(), entry.subject(), entry.purpose(), entry.detail(),
				entry.previousHash(), hash);
	}

	private static String cut(String value, int length) {
		return value == null || value.length() <= length ? value : value.substring(0, length);
	}

	private record Head(long lastSequence, String lastHash) {
	}
}
