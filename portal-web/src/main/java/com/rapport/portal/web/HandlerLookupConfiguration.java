package com.rapport.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

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

		@Override
		protected HandlerMethod getHandlerInternal(HttpServletRequest request) throws Exception {
			return super.getHandlerInternal(new LookupRequest(request));
		}

	}

	/**
	 * The request with its method and parsed path read once; everything else, setting
	 * attributes included, goes to the request it wraps.
	 */
	static final class LookupRequest extends HttpServletRequestWrapper {

		private final String method;

		private final Object parsedPath;

		LookupRequest(HttpServletRequest request) {
			super(request);
			this.method = request.getMethod();
			this.parsedPath = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
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
