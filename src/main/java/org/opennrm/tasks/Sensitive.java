package org.opennrm.tasks;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A form field with personal or sensitive content (what a screening found, what happened in a session). Its value is
 * handed to the task type's {@link TaskForm.SensitiveSink}, which keeps it in the case file; it never becomes a
 * process variable and never reaches engine history, whichever path submitted it.
 */
@Documented
@Target(ElementType.RECORD_COMPONENT)
@Retention(RetentionPolicy.RUNTIME)
public @interface Sensitive {

	/** The case file section the value belongs to. */
	String section();
}
