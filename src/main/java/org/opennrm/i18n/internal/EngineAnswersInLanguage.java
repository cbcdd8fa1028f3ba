package org.opennrm.i18n.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import org.opennrm.i18n.Languages;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Writes every JSON answer of the engine's APIs (and the webapps') in the reader's language ({@link EngineTexts}).
 * English answers are the models' own words and pass untouched.
 */
final class EngineAnswersInLanguage implements WriterInterceptor {

	private static final ObjectMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
		.build();

	@Context
	private ServletContext servletContext;

	@Context
	private HttpServletRequest request;

	@Override
	public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
		WebApplicationContext spring = WebApplicationContextUtils.getRequiredWebApplicationContext(this.servletContext);
		// The reader's language from the request itself (choice, cookie, browser), not from the thread's locale context,
		// which filters around the engine's servlets may have set to the browser's.
		Locale language = spring.getBean(RequestLanguages.class).resolveLocale(this.request);
		if (language.equals(Languages.FALLBACK) || !isJson(context.getMediaType())) {
			context.proceed();
			return;
		}
		OutputStream original = context.getOutputStream();
		ByteArrayOutputStream answer = new ByteArrayOutputStream();
		context.setOutputStream(answer);
		context.proceed();
		byte[] bytes = answer.toByteArray();
		try {
			JsonNode tree = JSON.readTree(bytes);
			if (tree != null) {
				bytes = JSON.writeValueAsBytes(spring.getBean(EngineTexts.class).translate(tree, language));
			}
		}
		catch (JsonProcessingException ex) {
			// Not JSON after all: written as it was.
		}
		context.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
		original.write(bytes);
		context.setOutputStream(original);
	}

	private static boolean isJson(MediaType type) {
		return type != null && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
	}
}
