package com.rapport.portal.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A real CSRF token, taken from a page's form and its cookie, as a browser would send it.
 * Spring Security's {@code csrf()} post-processor is not used: it swaps the token
 * repository of the shared filter chain for one kept in the session, which would leak
 * into the other tests of the cached application context.
 *
 * @param cookie the XSRF-TOKEN cookie
 * @param value the masked token of the form's hidden field
 */
public record FormToken(Cookie cookie, String value) implements RequestPostProcessor {

	private static final Pattern HIDDEN_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	/**
	 * Opens the login page and takes its token.
	 * @param mvc the MockMvc of the test
	 * @return the token
	 */
	public static FormToken from(MockMvc mvc) {
		try {
			MvcResult page = mvc.perform(get("/login")).andReturn();
			Matcher field = HIDDEN_FIELD.matcher(page.getResponse().getContentAsString());
			if (!field.find()) {
				throw new IllegalStateException("The login page has no CSRF field");
			}
			return new FormToken(page.getResponse().getCookie("XSRF-TOKEN"), field.group(1));
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot read a CSRF token", ex);
		}
	}

	@Override
	public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
		Cookie[] existing = request.getCookies();
		Cookie[] cookies = (existing != null) ? java.util.Arrays.copyOf(existing, existing.length + 1) : new Cookie[1];
		cookies[cookies.length - 1] = this.cookie;
		request.setCookies(cookies);
		request.addParameter("_csrf", this.value);
		return request;
	}

}
