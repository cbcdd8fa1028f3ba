package org.opennrm.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;

/**
 * The events the service published, on any thread (request threads included, which Spring's
 * {@code @RecordApplicationEvents} does not see): what later issues' audit store will keep.
 */
@TestComponent
public class PublishedEvents {

	private final List<Object> published = new CopyOnWriteArrayList<>();

	@EventListener
	void on(Record event) {
		if (event.getClass().getName().startsWith("org.opennrm.")) {
			this.published.add(event);
		}
	}

	/** The events of this type published so far, oldest first. */
	public <E> List<E> of(Class<E> type) {
		return this.published.stream().filter(type::isInstance).map(type::cast).toList();
	}
}
