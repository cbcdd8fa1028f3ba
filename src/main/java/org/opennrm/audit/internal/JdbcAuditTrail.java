package org.opennrm.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.opennrm.audit.AuditEntry;
import org.opennrm.audit.AuditEventType;
import org.opennrm.audit.AuditTrail;
import org.opennrm.cases.Case;
import org.opennrm.cases.Cases;
import org.opennrm.platform.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The trail in {@code nrm_audit_entry}, chained by SHA-256: each entry's hash covers its own fields and the hash of
 * the entry before it. A transaction's entries are written as it commits, under the head row's lock
 * ({@code nrm_audit_head}): concurrent commits queue up there, the sequence has no gaps, and since that lock is the
 * last one any transaction takes, it cannot close a cycle of waits. Entries keep the time their event happened, so
 * two transactions committing close together may show times slightly out of sequence order.
 */
@Repository
class JdbcAuditTrail implements AuditTrail {

	static final String GENESIS = "0".repeat(64);

	/** An entry with its case and its text, where they are still known. */
	private static final String SELECT = """
			select e.*, c.case_id, c.case_reference, t.salt, t.purpose, t.detail
			  from nrm_audit_entry e
			  left join nrm_audit_case c on c.case_key = e.case_key
			  left join nrm_audit_content t on t.sequence = e.sequence""";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int DETAIL_LENGTH = 4000;

	private static final int PURPOSE_LENGTH = 500;

	private static final int SUBJECT_LENGTH = 200;

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final Cases cases;

	/**
	 * Off only to measure what writing the trail costs (the audit overhead benchmark, through a class of this package
	 * in the test tree). Deliberately not a configuration property: no deployment can turn the trail off.
	 */
	private volatile boolean writing = true;

	JdbcAuditTrail(JdbcClient jdbc, PlatformTransactionManager transactions, Cases cases) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.cases = cases;
	}

	/** For the overhead benchmark only; see {@link #writing}. */
	void writing(boolean writing) {
		this.writing = writing;
	}

	@Override
	public void append(NewEntry entry) {
		if (!this.writing) {
			return;
		}
		Pending pending = new Pending(entry, EngineClock.now().truncatedTo(ChronoUnit.MILLIS));
		if (TransactionSynchronizationManager.isActualTransactionActive()
				&& TransactionSynchronizationManager.isSynchronizationActive()) {
			pendingOfThisTransaction().add(pending);
		}
		else {
			this.ownTransaction.executeWithoutResult(status -> write(List.of(pending)));
		}
	}

	/** The entries the current transaction will write as it commits (one list per transaction, nested ones too). */
	private List<Pending> pendingOfThisTransaction() {
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof WriteOnCommit writer && writer.trail() == this) {
				return writer.pending();
			}
		}
		WriteOnCommit writer = new WriteOnCommit(this, new ArrayList<>());
		TransactionSynchronizationManager.registerSynchronization(writer);
		return writer.pending();
	}

	/** Chains and inserts entries, holding the head row's lock only for this. */
	private void write(List<Pending> pending) {
		if (pending.isEmpty()) {
			return;
		}
		Head head = this.jdbc.sql("select last_sequence, last_hash from nrm_audit_head where id = 1 for update")
			.query((rs, row) -> new Head(rs.getLong(1), rs.getString(2)))
			.single();
		long sequence = head.lastSequence();
		String previousHash = head.lastHash();
		for (Pending next : pending) {
			NewEntry entry = next.entry();
			sequence++;
			String caseKey = caseKey(entry.caseId(), entry.caseReference());
			String salt = HexFormat.of().formatHex(randomBytes());
			String purpose = cut(entry.purpose(), PURPOSE_LENGTH);
			String detail = cut(entry.detail(), DETAIL_LENGTH);
			AuditEntry unsigned = new AuditEntry(sequence, next.at(),
					entry.actor() == null ? "system" : cut(entry.actor(), 64), entry.type(), caseKey, null, null,
					entry.processInstanceId(), cut(entry.subject(), SUBJECT_LENGTH), purpose, detail,
					contentDigest(salt, purpose, detail), previousHash, null);
			previousHash = hash(unsigned);
			this.jdbc.sql("""
					insert into nrm_audit_entry (sequence, at, actor, type, case_key, process_instance_id, subject,
					                             content_digest, previous_hash, hash)
					values (:sequence, :at, :actor, :type, :caseKey, :processInstanceId, :subject, :contentDigest,
					        :previousHash, :hash)""")
				.param("sequence", sequence)
				.param("at", unsigned.at().atOffset(ZoneOffset.UTC))
				.param("actor", unsigned.actor())
				.param("type", unsigned.type().name())
				.param("caseKey", caseKey)
				.param("processInstanceId", unsigned.processInstanceId())
				.param("subject", unsigned.subject())
				.param("contentDigest", unsigned.contentDigest())
				.param("previousHash", unsigned.previousHash())
				.param("hash", previousHash)
				.update();
			this.jdbc.sql("""
					insert into nrm_audit_content (sequence, case_key, salt, purpose, detail)
					values (:sequence, :caseKey, :salt, :purpose, :detail)""")
				.param("sequence", sequence).param("caseKey", caseKey).param("salt", salt)
				.param("purpose", purpose).param("detail", detail)
				.update();
		}
		this.jdbc.sql("update nrm_audit_head set last_sequence = :sequence, last_hash = :hash where id = 1")
			.param("sequence", sequence)
			.param("hash", previousHash)
			.update();
	}

	/**
	 * The trail's key for a case, made on its first entry. Runs under the head row's lock, so two transactions never
	 * make two keys for one case.
	 */
	private String caseKey(String caseId, String reference) {
		if (caseId == null && reference == null) {
			return null;
		}
		Optional<Case> known = caseId != null ? this.cases.findById(caseId) : this.cases.findByReference(reference);
		if (known.isEmpty()) {
			return null;
		}
		Case found = known.get();
		return this.jdbc.sql("select case_key from nrm_audit_case where case_id = :caseId")
			.param("caseId", found.caseId())
			.query(String.class)
			.optional()
			.orElseGet(() -> {
				String key = UUID.randomUUID().toString();
				this.jdbc.sql("insert into nrm_audit_case (case_key, case_id, case_reference) "
						+ "values (:key, :caseId, :reference)")
					.param("key", key).param("caseId", found.caseId()).param("reference", found.reference())
					.update();
				return key;
			});
	}

	/** Forgets which case a key names and the free text of its entries: the case's entries become a stub. */
	int forgetCase(String caseId) {
		Optional<String> key = this.jdbc.sql("select case_key from nrm_audit_case where case_id = :caseId")
			.param("caseId", caseId)
			.query(String.class)
			.optional();
		if (key.isEmpty()) {
			return 0;
		}
		int content = this.jdbc.sql("delete from nrm_audit_content where case_key = :key").param("key", key.get())
			.update();
		this.jdbc.sql("delete from nrm_audit_case where case_key = :key").param("key", key.get()).update();
		return content;
	}

	@Override
	@Transactional(readOnly = true)
	public Verification verify() {
		AtomicReference<Verification> broken = new AtomicReference<>();
		long[] state = { 0 };
		String[] previous = { GENESIS };
		this.jdbc.sql(SELECT + " order by e.sequence").query((ResultSet rs) -> {
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
			String salt = rs.getString("salt");
			if (salt == null ? !erased(rs) : !contentDigest(salt, entry.purpose(), entry.detail())
				.equals(entry.contentDigest())) {
				broken.set(new Verification(false, state[0], entry.sequence(), "its purpose or detail was changed"));
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
		StringBuilder sql = new StringBuilder(SELECT).append(" where (c.case_id = :caseId");
		if (!processInstanceIds.isEmpty()) {
			sql.append(" or e.process_instance_id in (:processInstanceIds)");
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
		StringBuilder sql = new StringBuilder(SELECT).append(" where e.actor = :userId");
		return filtered(sql, new Filter(filter.from(), filter.to(), null, filter.types(), filter.limit()))
			.param("userId", userId)
			.query((rs, row) -> entry(rs))
			.list();
	}

	private JdbcClient.StatementSpec filtered(StringBuilder sql, Filter filter) {
		if (filter.from() != null) {
			sql.append(" and e.at >= :from");
		}
		if (filter.to() != null) {
			sql.append(" and e.at < :to");
		}
		if (filter.actor() != null) {
			sql.append(" and e.actor = :actor");
		}
		if (filter.types() != null && !filter.types().isEmpty()) {
			sql.append(" and e.type in (:types)");
		}
		sql.append(" order by e.sequence fetch first ").append(Math.max(1, filter.limit())).append(" rows only");
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
		return sha256(entry.sequence(), entry.at().toEpochMilli(), entry.actor(), entry.type().name(), entry.caseKey(),
				entry.processInstanceId(), entry.subject(), entry.contentDigest(), entry.previousHash());
	}

	/** The digest of an entry's free text: salted, so that once text and salt are erased nothing can be guessed. */
	static String contentDigest(String salt, String purpose, String detail) {
		return sha256(salt, purpose, detail);
	}

	private static String sha256(Object... fields) {
		StringBuilder canonical = new StringBuilder();
		for (Object field : fields) {
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

	private static byte[] randomBytes() {
		byte[] salt = new byte[16];
		RANDOM.nextBytes(salt);
		return salt;
	}

	/** An entry without text is only right where its case was erased: it has a case key nobody maps any more. */
	private boolean erased(ResultSet rs) throws SQLException {
		return rs.getString("case_key") != null && rs.getString("case_id") == null;
	}

	private static AuditEntry entry(ResultSet rs) throws SQLException {
		return new AuditEntry(rs.getLong("sequence"), rs.getObject("at", OffsetDateTime.class).toInstant(),
				rs.getString("actor"), AuditEventType.valueOf(rs.getString("type")), rs.getString("case_key"),
				rs.getString("case_id"), rs.getString("case_reference"), rs.getString("process_instance_id"),
				rs.getString("subject"), rs.getString("purpose"), rs.getString("detail"), rs.getString("content_digest"),
				rs.getString("previous_hash"), rs.getString("hash"));
	}

	private static String cut(String value, int length) {
		return value == null || value.length() <= length ? value : value.substring(0, length);
	}

	private record Head(long lastSequence, String lastHash) {
	}

	/** An entry waiting for its transaction to commit, with the time it happened. */
	private record Pending(NewEntry entry, Instant at) {
	}

	/** Writes a transaction's entries as it commits, after all its other work. */
	private record WriteOnCommit(JdbcAuditTrail trail, List<Pending> pending) implements TransactionSynchronization {

		@Override
		public void beforeCommit(boolean readOnly) {
			this.trail.write(this.pending);
		}
	}
}
