package org.opennrm.i18n;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.springframework.context.MessageSourceResolvable;

/**
 * Something to say, not yet said: a catalogue code and its arguments, put into words in the reader's language when
 * the answer is written. An argument may itself be a text (a group's name) or a list of texts. A text can also be one
 * already said in the reader's language (a Bean Validation message). Arguments are references, numbers, field
 * names, never personal data.
 */
public final class Text implements MessageSourceResolvable {

	private final String code;

	private final Object[] arguments;

	private final String said;

	private final List<Text> items;

	private final String modelName;

	private Text(String code, Object[] arguments, String said, List<Text> items) {
		this(code, arguments, said, items, null);
	}

	private Text(String code, Object[] arguments, String said, List<Text> items, String modelName) {
		this.code = code;
		this.arguments = arguments;
		this.said = said;
		this.items = items;
		this.modelName = modelName;
	}

	public static Text of(String code, Object... arguments) {
		return new Text(Objects.requireNonNull(code), arguments.clone(), null, null);
	}

	/** A text from the catalogues if they have the code, else the given words (a group's id for a group unknown). */
	public static Text orElse(String code, String otherwise) {
		return new Text(Objects.requireNonNull(code), new Object[0], Objects.requireNonNull(otherwise), null);
	}

	/** A text already in the reader's language. */
	public static Text said(String text) {
		return new Text(null, new Object[0], Objects.requireNonNull(text), null);
	}

	/** Several texts said as a list ("police, social services"). */
	public static Text list(Collection<Text> items) {
		return new Text(null, new Object[0], null, List.copyOf(items));
	}

	/**
	 * A name from a process model as it was stored in English (a task's name kept in a notification, the audit trail
	 * or a variable), said as the catalogues translate that name; as it is when they do not know it.
	 */
	public static Text modelName(String englishName) {
		return new Text(null, new Object[0], Objects.requireNonNull(englishName), null, englishName);
	}

	/** The English model name this text says; {@code null} for any other text. */
	public String modelName() {
		return this.modelName;
	}

	/** The catalogue code; {@code null} for a text already said or a list. */
	public String code() {
		return this.code;
	}

	public Object[] arguments() {
		return this.arguments.clone();
	}

	/** The texts of a list; {@code null} for any other text. */
	public List<Text> items() {
		return this.items;
	}

	/** The text in the reader's language. */
	public String in(Texts texts) {
		return texts.say(this);
	}

	@Override
	public String[] getCodes() {
		return this.code == null ? null : new String[] { this.code };
	}

	@Override
	public Object[] getArguments() {
		return this.arguments.clone();
	}

	@Override
	public String getDefaultMessage() {
		return this.said;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Text text && Objects.equals(text.code, this.code) && Objects.equals(text.said, this.said)
				&& Arrays.equals(text.arguments, this.arguments) && Objects.equals(text.items, this.items)
				&& Objects.equals(text.modelName, this.modelName);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.code, this.said, this.items) * 31 + Arrays.hashCode(this.arguments);
	}

	/** The code and arguments (never words said: this goes to logs). */
	@Override
	public String toString() {
		if (this.items != null) {
			return this.items.toString();
		}
		return this.code == null ? "(said)" : this.code + Arrays.toString(this.arguments);
	}
}
