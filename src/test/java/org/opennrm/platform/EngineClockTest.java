package org.opennrm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.assertj.core.data.TemporalUnitOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The clock moved back for one thread's work leaves everyone else at the real time (the demo seeds as people work). */
class EngineClockTest {

	static final Instant EIGHT_DAYS_AGO = Instant.now().minus(Duration.ofDays(8));

	static final TemporalUnitOffset A_MINUTE = within(1, ChronoUnit.MINUTES);

	@AfterEach
	void realTime() {
		ClockUtil.reset();
	}

	@Test
	void only_the_thread_doing_the_work_is_in_the_past_and_afterwards_nobody_is() {
		AtomicReference<Instant> insideTheWork = new AtomicReference<>();
		AtomicReference<Instant> elsewhereMeanwhile = new AtomicReference<>();

		EngineClock.atForThisThread(EIGHT_DAYS_AGO, () -> {
			insideTheWork.set(EngineClock.now());
			elsewhereMeanwhile.set(CompletableFuture.supplyAsync(EngineClock::now).join());
		});

		assertThat(insideTheWork.get()).isEqualTo(EIGHT_DAYS_AGO.truncatedTo(ChronoUnit.MILLIS));
		assertThat(elsewhereMeanwhile.get()).as("another thread, during the work").isCloseTo(Instant.now(), A_MINUTE);
		assertThat(EngineClock.now()).as("this thread, afterwards").isCloseTo(Instant.now(), A_MINUTE);
	}

	@Test
	void the_clock_is_the_real_time_again_when_the_work_fails() {
		assertThatIllegalStateException().isThrownBy(() -> EngineClock.atForThisThread(EIGHT_DAYS_AGO, () -> {
			throw new IllegalStateException("refused");
		}));

		assertThat(EngineClock.now()).isCloseTo(Instant.now(), A_MINUTE);
	}
}
