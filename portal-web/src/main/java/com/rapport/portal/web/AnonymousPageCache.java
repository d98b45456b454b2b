package com.rapport.portal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.rapport.community.search.ForumChangedElsewhere;

/**
 * Serves the forum's public pages to anonymous visitors from memory: the topic lists,
 * topic pages, tags, profiles and feeds look the same to every visitor who is not logged
 * in, so each is rendered once per language and then copied for a few seconds (Discourse
 * keeps such an "anonymous cache" too). A logged-in member, a visitor with a session, a
 * request that changes the language and every page that sets a cookie or answers anything
 * but 200 always go to the controllers.
 * <p>
 * A page is kept at most {@code rapport.page-cache.ttl} (10 s by default), and less:
 * every request that may change something ({@code POST} and the like, except survey
 * answers from a link or a website, logins and logouts) through this node, and every
 * forum change another node records in the change log, starts a new generation and drops
 * what was kept before. What a page counts when it is viewed (a topic's views) is counted
 * on every copy served, through {@link #onEachView}.
 * <p>
 * It runs in the security filter chain after authorisation, so the security headers and
 * the request id are written as for any page, and it names the route of the page it
 * copies to the request log and the request metrics.
 */
@Component
public class AnonymousPageCache extends OncePerRequestFilter {

	private static final String ON_VIEW_ATTRIBUTE = AnonymousPageCache.class.getName() + ".onView";

	private static final String RESPONSE_ATTRIBUTE = AnonymousPageCache.class.getName() + ".response";

	private static final List<String> PREFIXES = List.of("/c/", "/t/", "/tag/", "/u/");

	private static final List<String> PAGES = List.of("/", "/latest", "/latest.atom", "/tags", "/leaderboard",
			"/badges");

	private static final List<String> NOT_CHANGING = List.of("/login", "/logout");

	private static final int MAX_QUERY_LENGTH = 200;

	private static final String CSRF_MARK = "\"_csrf\"";

	private final LocaleResolver locales;

	private final Clock clock;

	private final long ttlMillis;

	private final long maxBytes;

	private final long maxPageBytes;

	private final AtomicLong generation = new AtomicLong();

	private final Map<String, Page> pages = new LinkedHashMap<>(256, 0.75f, true);

	private final Counter hits;

	private final Counter misses;

	private long bytes;

	private volatile boolean enabled;

	AnonymousPageCache(LocaleResolver locales, Clock clock, MeterRegistry meters,
			@Value("${rapport.page-cache.enabled:true}") boolean enabled,
			@Value("${rapport.page-cache.ttl:10s}") Duration ttl,
			@Value("${rapport.page-cache.max-size:64MB}") DataSize maxSize) {
		this.locales = locales;
		this.clock = clock;
		this.enabled = enabled;
		this.ttlMillis = ttl.toMillis();
		this.maxBytes = maxSize.toBytes();
		this.maxPageBytes = Math.max(1, this.maxBytes / 16);
		this.hits = Counter.builder("rapport.page.cache").tag("result", "hit").register(meters);
		this.misses = Counter.builder("rapport.page.cache").tag("result", "miss").register(meters);
	}

	/**
	 * Runs {@code action} now and again each time the page being rendered is served from
	 * the cache: for what a page view counts, such as a topic's views.
	 * @param request the request rendering the page
	 * @param action what each view of the page does
	 */
	public static void onEachView(HttpServletRequest request, Runnable action) {
		onEachView(request, null, (viewRequest, viewResponse) -> action.run());
	}

	/**
	 * Runs {@code action} now and again each time the page being rendered is served from
	 * the cache, with that view's own request and response: for what depends on the
	 * visitor, such as a visit cookie. A cookie the action sets does not keep the page
	 * from being cached, since it is set again for each visitor.
	 * @param request the request rendering the page
	 * @param response the response it renders into
	 * @param action what each view of the page does
	 */
	public static void onEachView(HttpServletRequest request, HttpServletResponse response, ViewAction action) {
		HttpServletResponse visitorResponse = (HttpServletResponse) request.getAttribute(RESPONSE_ATTRIBUTE);
		action.view(request, (visitorResponse != null) ? visitorResponse : response);
		@SuppressWarnings("unchecked")
		List<ViewAction> actions = (List<ViewAction>) request.getAttribute(ON_VIEW_ATTRIBUTE);
		if (actions != null) {
			actions.add(action);
		}
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!"GET".equals(request.getMethod())) {
			try {
				chain.doFilter(request, response);
			}
			finally {
				if (mayChangePublicPages(request)) {
					invalidate();
				}
			}
			return;
		}
		String key = this.enabled ? key(request) : null;
		if (key == null) {
			chain.doFilter(request, response);
			return;
		}
		long generationAtStart = this.generation.get();
		long now = this.clock.millis();
		Page page = get(key, generationAtStart, now);
		if (page != null) {
			this.hits.increment();
			replay(page, request, response);
			return;
		}
		this.misses.increment();
		List<ViewAction> onView = new ArrayList<>();
		request.setAttribute(ON_VIEW_ATTRIBUTE, onView);
		request.setAttribute(RESPONSE_ATTRIBUTE, response);
		Recorder recorder = new Recorder(response);
		try {
			chain.doFilter(request, recorder);
			Page rendered = cacheable(request, recorder, onView, generationAtStart, now);
			if (rendered != null) {
				put(key, rendered);
			}
		}
		finally {
			request.removeAttribute(ON_VIEW_ATTRIBUTE);
			request.removeAttribute(RESPONSE_ATTRIBUTE);
			recorder.copyBodyToResponse();
		}
	}

	/**
	 * Drops every page kept: called for each request that may change something and for
	 * changes made through another node.
	 */
	public void invalidate() {
		this.generation.incrementAndGet();
	}

	@EventListener
	void changedElsewhere(ForumChangedElsewhere event) {
		invalidate();
	}

	/**
	 * Turns the cache on or off at run time. The tests share one application whose data
	 * they write directly, so they run with the cache off and turn it on where they test
	 * it.
	 * @param enabled whether pages are served from memory
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
		invalidate();
	}

	/**
	 * Whether a request other than GET may change what the public pages show: not a
	 * survey answer from a link or a website (the busiest writes of all, which show on no
	 * forum page), not a login or logout.
	 */
	private static boolean mayChangePublicPages(HttpServletRequest request) {
		String method = request.getMethod();
		if ("HEAD".equals(method) || "OPTIONS".equals(method)) {
			return false;
		}
		String path = request.getRequestURI();
		return !(path.startsWith("/s/") || path.startsWith("/embed/") || NOT_CHANGING.contains(path));
	}

	private String key(HttpServletRequest request) {
		String path = request.getRequestURI();
		String query = request.getQueryString();
		if (!cacheablePath(path) || (query != null && query.length() > MAX_QUERY_LENGTH)
				|| request.getParameter("lang") != null || request.getSession(false) != null || !anonymous()) {
			return null;
		}
		Locale locale = this.locales.resolveLocale(request);
		return locale.toLanguageTag() + ' ' + path + ((query != null) ? '?' + query : "");
	}

	private static boolean cacheablePath(String path) {
		if (PAGES.contains(path)) {
			return true;
		}
		for (String prefix : PREFIXES) {
			if (path.startsWith(prefix) && !path.endsWith(".png")) {
				return true;
			}
		}
		return false;
	}

	private static boolean anonymous() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null || authentication instanceof AnonymousAuthenticationToken;
	}

	private Page cacheable(HttpServletRequest request, Recorder recorder, List<ViewAction> onView,
			long generationAtStart, long now) {
		String contentType = recorder.getContentType();
		if (recorder.getStatus() != HttpServletResponse.SC_OK || recorder.setCookie || contentType == null
				|| !(contentType.startsWith("text/html") || contentType.startsWith("application/atom+xml"))
				|| request.getSession(false) != null || recorder.getContentSize() > this.maxPageBytes) {
			return null;
		}
		byte[] body = recorder.getContentAsByteArray();
		if (holdsCsrfToken(body)) {
			// a form for anonymous visitors carries the token of this visitor's cookie
			return null;
		}
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		return new Page(body, contentType, recorder.getHeader(HttpHeaders.CONTENT_LANGUAGE),
				(pattern != null) ? pattern.toString() : null, List.copyOf(onView), generationAtStart, now);
	}

	private static boolean holdsCsrfToken(byte[] body) {
		return new String(body, StandardCharsets.ISO_8859_1).contains(CSRF_MARK);
	}

	private synchronized Page get(String key, long currentGeneration, long now) {
		Page page = this.pages.get(key);
		if (page == null) {
			return null;
		}
		if (page.generation != currentGeneration || now - page.storedAt >= this.ttlMillis) {
			this.pages.remove(key);
			this.bytes -= page.body.length;
			return null;
		}
		return page;
	}

	private synchronized void put(String key, Page page) {
		if (page.generation != this.generation.get()) {
			return;
		}
		Page previous = this.pages.put(key, page);
		if (previous != null) {
			this.bytes -= previous.body.length;
		}
		this.bytes += page.body.length;
		Iterator<Page> eldest = this.pages.values().iterator();
		while (this.bytes > this.maxBytes && eldest.hasNext()) {
			this.bytes -= eldest.next().body.length;
			eldest.remove();
		}
	}

	private static void replay(Page page, HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (page.route != null) {
			request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, page.route);
		}
		page.onView.forEach((action) -> action.view(request, response));
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType(page.contentType);
		if (page.contentLanguage != null) {
			response.setHeader(HttpHeaders.CONTENT_LANGUAGE, page.contentLanguage);
		}
		response.setContentLength(page.body.length);
		response.getOutputStream().write(page.body);
	}

	/** What each view of a page does. */
	@FunctionalInterface
	public interface ViewAction {

		/**
		 * Counts one view.
		 * @param request the view's request
		 * @param response the view's response
		 */
		void view(HttpServletRequest request, HttpServletResponse response);

	}

	/** A page as rendered, with what each view of it does. */
	private static final class Page {

		final byte[] body;

		final String contentType;

		final String contentLanguage;

		final String route;

		final List<ViewAction> onView;

		final long generation;

		final long storedAt;

		Page(byte[] body, String contentType, String contentLanguage, String route, List<ViewAction> onView,
				long generation, long storedAt) {
			this.body = body;
			this.contentType = contentType;
			this.contentLanguage = contentLanguage;
			this.route = route;
			this.onView = List.copyOf(onView);
			this.generation = generation;
			this.storedAt = storedAt;
		}

	}

	/** Keeps the body, and notes whether the page set a cookie. */
	private static final class Recorder extends ContentCachingResponseWrapper {

		private boolean setCookie;

		Recorder(HttpServletResponse response) {
			super(response);
		}

		@Override
		public void addCookie(Cookie cookie) {
			this.setCookie = true;
			super.addCookie(cookie);
		}

		@Override
		public void addHeader(String name, String value) {
			noteCookie(name);
			super.addHeader(name, value);
		}

		@Override
		public void setHeader(String name, String value) {
			noteCookie(name);
			super.setHeader(name, value);
		}

		private void noteCookie(String name) {
			if (HttpHeaders.SET_COOKIE.equalsIgnoreCase(name)) {
				this.setCookie = true;
			}
		}

	}

}
