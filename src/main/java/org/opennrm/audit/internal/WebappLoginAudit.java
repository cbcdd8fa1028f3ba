package org.opennrm.audit.internal;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.opennrm.audit.AuditEventType;
import org.opennrm.audit.AuditTrail;
import org.opennrm.audit.AuditTrail.NewEntry;
import org.opennrm.security.AuthenticationFailed;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;

/**
 * Sign-ins to Tasklist, Cockpit and Admin, which Camunda's own login resource handles: each success and failure goes
 * to the audit trail with the application signed in to.
 */
@Component
class WebappLoginAudit extends OncePerRequestFilter {

	private static final Pattern LOGIN = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/login/([a-z]+)$");

	private final AuditTrail trail;

	WebappLoginAudit(AuditTrail trail) {
		this.trail = trail;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Matcher login = LOGIN.matcher(request.getRequestURI().substring(request.getContextPath().length()));
		if (!login.matches()) {
			chain.doFilter(request, response);
			return;
		}
		// Camunda's resource reads the form itself; the user id is taken from what it read, afterwards.
		ContentCachingRequestWrapper cached = new ContentCachingRequestWrapper(request, 4096);
		chain.doFilter(cached, response);
		String userId = AuthenticationFailed.loggable(username(cached.getContentAsString()));
		boolean signedIn = response.getStatus() == HttpServletResponse.SC_OK;
		this.trail.append(new NewEntry(userId, signedIn ? AuditEventType.Login : AuditEventType.LoginFailed, null,
				null, null, login.group(1), null, null));
	}

	private static String username(String form) {
		for (String pair : form.split("&")) {
			if (pair.startsWith("username=")) {
				return URLDecoder.decode(pair.substring("username=".length()), StandardCharsets.UTF_8);
			}
		}
		return null;
	}
}
