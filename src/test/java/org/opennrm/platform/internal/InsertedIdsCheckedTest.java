package org.opennrm.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opennrm.test.InMemoryEngines;

/**
 * {@link InsertedIdsChecked} must refuse exactly the ids the engine refuses, with the engine's message, and the engine
 * must use it for its inserts.
 */
class InsertedIdsCheckedTest {

	static ProcessEngine engine;

	@BeforeAll
	static void engineWithThePlugin() {
		engine = InMemoryEngines.withPlugin("inserted-ids-checked", new InsertedIdsChecked());
	}

	@AfterAll
	static void close() {
		engine.close();
	}

	/** The engine's own entity manager, with its check callable from here. */
	static final class Stock extends DbEntityManager {

		Stock(CommandContext context) {
			super(null, context.getSession(PersistenceSession.class));
		}

		void check(DbEntity entity) {
			validateId(entity);
		}
	}

	@Test
	void the_engine_inserts_through_it() {
		assertThat(inCommand(CommandContext::getDbEntityManager)).isInstanceOf(InsertedIdsChecked.EntityManager.class);

		engine.getIdentityService().saveUser(engine.getIdentityService().newUser("insertedThroughIt"));
		assertThat(engine.getIdentityService().createUserQuery().userId("insertedThroughIt").count()).isOne();
	}

	@Test
	void it_refuses_what_the_engine_refuses_with_the_engines_message() {
		List<String> ids = Arrays.asList(null, "*", "", " ", "**", " *", "* ", "a*", "task-1",
				"0b6c3a4e-5f0a-11ef-9c1b-0242ac120002");
		for (String id : ids) {
			for (DbEntity entity : List.of(user(id), task(id))) {
				inCommand(context -> {
					InsertedIdsChecked.EntityManager ours = (InsertedIdsChecked.EntityManager) context
						.getDbEntityManager();
					Stock stock = new Stock(context);
					String engines = refusal(stock::check, entity);
					String theirs = refusal(ours::validateId, entity);
					assertThat(theirs).as("id %s", id).isEqualTo(engines);
					assertThat(InsertedIdsChecked.refused(id)).as("id %s", id).isEqualTo(engines != null);
					return null;
				});
			}
		}
		assertThat(ids.stream().filter(InsertedIdsChecked::refused)).containsExactly(null, "*");
	}

	@Test
	void an_insert_with_the_reserved_id_fails_and_leaves_nothing() {
		assertThatThrownBy(() -> inCommand(context -> {
			context.getDbEntityManager().insert(user("*"));
			return null;
		})).isInstanceOf(ProcessEngineException.class).hasMessageContaining("* is a reserved identifier");
		assertThat(engine.getIdentityService().createUserQuery().userId("*").count()).isZero();
	}

	private static String refusal(Consumer<DbEntity> check, DbEntity entity) {
		try {
			check.accept(entity);
			return null;
		}
		catch (ProcessEngineException refused) {
			return refused.getClass().getName() + ": " + refused.getMessage();
		}
	}

	private static UserEntity user(String id) {
		UserEntity user = new UserEntity();
		user.setId(id);
		user.setFirstName("First");
		return user;
	}

	private static TaskEntity task(String id) {
		TaskEntity task = new TaskEntity();
		task.setId(id);
		task.setName("A task");
		return task;
	}

	private static <T> T inCommand(java.util.function.Function<CommandContext, T> work) {
		return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
			.execute(work::apply);
	}
}
