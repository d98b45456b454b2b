package com.rapport.portal.ops;

import java.io.IOException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.rapport.community.member.Viewer;
import com.rapport.portal.security.ViewerFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.RequestDispatcher;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Gives every request an id, sent back as {@code X-Request-Id} and put in the logging
 * context ({@code requestId}) of everything logged while it runs, and writes one line
 * when it ends: method, route pattern, status, time, member id and request id. A
 * well-formed id sent by a load balancer or proxy is kept, so one id follows the request
 * through every log. The line names the route pattern ({@code /t/{slug}/{id}}), never the
 * path or query, which may carry tokens (password reset, confirmation, survey links), and
 * the member by id, never by name or email address. The same measured time goes into the
 * route's {@code http.server.requests} timer ({@link RouteTimers}), in place of Spring's
 * observation filter.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
final class RequestLogFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Request-Id";

	static final String MDC_KEY = "requestId";

	private static final int MAX_ID_LENGTH = 64;

	private static final Set<String> SECURITY_ROUTES = Set.of("/login", "/logout");

	private static final Logger log = LoggerFactory.getLogger(RequestLogBuffer.LOGGER);

	private final boolean enabled;

	private final RouteTimers timers;

	RequestLogFilter(@Value("${rapport.request-log.enabled:true}") boolean enabled,
			ObjectProvider<MeterRegistry> registry) {
		this.enabled = enabled;
		MeterRegistry meters = registry.getIfAvailable();
		this.timers = (meters != null) ? new RouteTimers(meters) : null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = requestId(request.getHeader(HEADER));
		response.setHeader(HEADER, id);
		MDC.put(MDC_KEY, id);
		long started = System.nanoTime();
		int status = 500;
		Throwable error = null;
		try {
			chain.doFilter(request, response);
			status = response.getStatus();
		}
		catch (IOException | ServletException | RuntimeException | Error ex) {
			error = ex;
			throw ex;
		}
		finally {
			long nanos = System.nanoTime() - started;
			String route = route(request);
			if (this.timers != null) {
				this.timers.record(request.getMethod(), route, status, (error != null) ? error : handledError(request),
						nanos);
			}
			if (this.enabled && log.isInfoEnabled()) {
				log(request, route, id, status, nanos / 1_000_000);
			}
			MDC.remove(MDC_KEY);
		}
	}

	/**
	 * Writes the request line. Its values also go with it as key-value pairs, which the
	 * structured (JSON) formats write as fields of their own and a pattern line leaves
	 * out, having them in its text. (They were put into the logging context before, which
	 * copied four more entries into every request line: about a seventh of what the line
	 * cost a page from the page cache.)
	 */
	static void log(HttpServletRequest request, String matchedRoute, String id, int status, long millis) {
		String route = (matchedRoute != null) ? matchedRoute : "-";
		Viewer viewer = ViewerFilter.of(request);
		String member = viewer.isAnonymous() ? "-" : viewer.memberId().toString();
		log.atInfo()
			.addKeyValue("route", route)
			.addKeyValue("status", status)
			.addKeyValue("durationMs", millis)
			.addKeyValue("memberId", member)
			.log("{} {} {} {}ms member={} request={}", request.getMethod(), route, status, millis, member, id);
	}

	/**
	 * The route pattern that answered the request; for a request no controller handled,
	 * the login and logout that Spring Security answers itself by their fixed paths, and
	 * null for anything else (refused, redirected to the login, not found).
	 */
	private static String route(HttpServletRequest request) {
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		if (pattern != null) {
			return pattern.toString();
		}
		String path = request.getRequestURI();
		return SECURITY_ROUTES.contains(path) ? path : null;
	}

	/**
	 * The exception a controller threw that an exception handler or the error page then
	 * answered.
	 */
	private static Throwable handledError(HttpServletRequest request) {
		Object error = request.getAttribute(DispatcherServlet.EXCEPTION_ATTRIBUTE);
		if (error == null) {
			error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		}
		return (error instanceof Throwable throwable) ? throwable : null;
	}

	/**
	 * The incoming id when it is a plain token (letters, digits, {@code . _ : -}, at most
	 * 64 characters), else a new one: anything else could forge or break log lines.
	 */
	static String requestId(String incoming) {
		if (incoming != null && !incoming.isEmpty() && incoming.length() <= MAX_ID_LENGTH) {
			boolean safe = incoming.chars()
				.allMatch((c) -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
						|| c == '_' || c == '.' || c == ':');
			if (safe) {
				return incoming;
			}
		}
		return newId();
	}

	/**
	 * A new id in the form of a UUID, from the thread's own random numbers: an id only
	 * needs to be unique among the log's lines, not unguessable, and
	 * {@link UUID#randomUUID()} draws from the shared {@code SecureRandom} on every
	 * request (2% of a page served from the anonymous page cache, in a profile).
	 */
	static String newId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long most = (random.nextLong() & ~0xF000L) | 0x4000L;
		long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(most, least).toString();
	}

}
