package org.opennrm.test;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.ibatis.cache.CacheKey;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Counts the reads an engine sends, by statement name (the last part of its MyBatis id, {@code selectTask}), through
 * an interceptor on its SQL sessions. A plugin: give an in-memory engine its own.
 */
public final class StatementCounts extends AbstractProcessEnginePlugin {

	private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new Counter());
	}

	/** How often the statement of this name was sent since the last {@link #clear()}. */
	public int of(String statement) {
		AtomicInteger count = this.counts.get(statement);
		return count == null ? 0 : count.get();
	}

	/** Starts counting again from nothing. */
	public void clear() {
		this.counts.clear();
	}

	@Intercepts({
			@Signature(type = Executor.class, method = "query",
					args = { MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class }),
			@Signature(type = Executor.class, method = "query", args = { MappedStatement.class, Object.class,
					RowBounds.class, ResultHandler.class, CacheKey.class, BoundSql.class }) })
	private final class Counter implements Interceptor {

		@Override
		public Object intercept(Invocation invocation) throws Throwable {
			String id = ((MappedStatement) invocation.getArgs()[0]).getId();
			String name = id.substring(id.lastIndexOf('.') + 1);
			StatementCounts.this.counts.computeIfAbsent(name, any -> new AtomicInteger()).incrementAndGet();
			return invocation.proceed();
		}

		@Override
		public void setProperties(Properties properties) {
		}
	}
}
