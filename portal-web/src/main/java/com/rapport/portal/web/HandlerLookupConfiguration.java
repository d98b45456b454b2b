package com.rapport.portal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finding the controller method of a request without asking the request the same
 * questions two hundred times.
 * <p>
 * Spring MVC finds the method of a path with variables ({@code /t/{slug}/{id}},
 * {@code /s/{key}}) by testing every mapping of the portal in turn (about two hundred),
 * and each test asks the request for its method, twice (once to rule out a CORS
 * pre-flight), and for its parsed path. By then the request is wrapped six or more times
 * (session, firewall, security headers, servlet API, …), and each of those questions goes
 * down the whole chain of wrappers: in a profile of the survey answer submits that was a
 * fifth of the portal's CPU. The lookup here gets a request that knows both answers, so
 * each test reads a field. Which method is found is unchanged; everything else
 * (attributes the lookup sets, the handler's interceptors and CORS) goes to the request
 * as it was.
 * <p>
 * Even so, testing two hundred mappings (method, parameters, headers, media types, then
 * the path) was still a fifth of the CPU of a survey answer submit on its request thread.
 * A mapping whose every pattern starts with a literal segment ({@code /s/{key}},
 * {@code /staff/surveys/{id}}) cannot match a path whose first segment is another one, so
 * such mappings are passed over after one string comparison; a mapping with a pattern
 * that starts with a variable or a wildcard, or a path that cannot be told apart this
 * way, is tested in full as before.
 */
@Configuration(proxyBeanMethods = false)
class HandlerLookupConfiguration {

	@Bean
	WebMvcRegistrations handlerLookupRegistrations() {
		return new WebMvcRegistrations() {

			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new LookupHandlerMapping();
			}

		};
	}

	/**
	 * The portal's {@link RequestMappingHandlerMapping}, looking up with a
	 * {@link LookupRequest}.
	 */
	static class LookupHandlerMapping extends RequestMappingHandlerMapping {

		/** Stands for a mapping that must always be tested in full. */
		private static final List<String> ANY = List.of();

		private final Map<RequestMappingInfo, List<String>> firstSegments = new ConcurrentHashMap<>();

		@Override
		protected HandlerMethod getHandlerInternal(HttpServletRequest request) throws Exception {
			return super.getHandlerInternal(new LookupRequest(request));
		}

		@Override
		protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
			if (request instanceof LookupRequest lookup && lookup.firstSegment != null) {
				List<String> literals = this.firstSegments.computeIfAbsent(info, this::firstSegments);
				if (literals != ANY && !literals.contains(lookup.firstSegment)) {
					return null;
				}
			}
			return super.getMatchingMapping(info, request);
		}

		/**
		 * The literal first segments of a mapping's patterns, or {@link #ANY} when one of
		 * them could match paths with different first segments.
		 */
		private List<String> firstSegments(RequestMappingInfo info) {
			PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
			if (patterns == null || patterns.getPatterns().isEmpty() || !getPatternParser().isCaseSensitive()) {
				return ANY;
			}
			List<String> literals = new ArrayList<>();
			for (PathPattern pattern : patterns.getPatterns()) {
				String literal = firstSegment(pattern.getPatternString());
				if (literal == null) {
					return ANY;
				}
				literals.add(literal);
			}
			return List.copyOf(literals);
		}

		/**
		 * The first segment of a pattern when it is plain text (no variable, wildcard,
		 * encoded character or path parameter), else null.
		 */
		static String firstSegment(String pattern) {
			if (!pattern.startsWith("/")) {
				return null;
			}
			int end = pattern.indexOf('/', 1);
			String segment = pattern.substring(1, (end < 0) ? pattern.length() : end);
			if (segment.isEmpty()) {
				return null;
			}
			for (int i = 0; i < segment.length(); i++) {
				char c = segment.charAt(i);
				if (c == '{' || c == '}' || c == '*' || c == '?' || c == '%' || c == ';' || c == '\\') {
					return null;
				}
			}
			return segment;
		}

	}

	/**
	 * The request with its method and parsed path read once; everything else, setting
	 * attributes included, goes to the request it wraps.
	 */
	static final class LookupRequest extends HttpServletRequestWrapper {

		private final String method;

		private final Object parsedPath;

		/**
		 * The path's first segment as patterns match it (decoded, without path
		 * parameters), or null when it cannot be told (no parsed path, no leading
		 * separator followed by a segment).
		 */
		final String firstSegment;

		LookupRequest(HttpServletRequest request) {
			super(request);
			this.method = request.getMethod();
			this.parsedPath = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
			this.firstSegment = (this.parsedPath instanceof RequestPath path)
					? firstSegment(path.pathWithinApplication()) : null;
		}

		static String firstSegment(PathContainer path) {
			List<PathContainer.Element> elements = path.elements();
			if (elements.size() >= 2 && elements.get(0) instanceof PathContainer.Separator
					&& elements.get(1) instanceof PathContainer.PathSegment segment) {
				return segment.valueToMatch();
			}
			return null;
		}

		@Override
		public String getMethod() {
			return this.method;
		}

		@Override
		public Object getAttribute(String name) {
			if (this.parsedPath != null && ServletRequestPathUtils.PATH_ATTRIBUTE.equals(name)) {
				return this.parsedPath;
			}
			return super.getAttribute(name);
		}

	}

}
