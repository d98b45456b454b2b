package com.rapport.portal.mail;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Absolute links to the portal for mails: on {@code rapport.base-url} when it is set,
 * else on the address of the request being served (or localhost outside a request).
 */
@Component
public class PortalLinks {

	private final String baseUrl;

	PortalLinks(@Value("${rapport.base-url:}") String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/**
	 * A link to a path of the portal.
	 * @param path e.g. {@code /verify}
	 * @return a builder to add query parameters to
	 */
	public UriComponentsBuilder link(String path) {
		if (!this.baseUrl.isBlank() || RequestContextHolder.getRequestAttributes() == null) {
			String base = this.baseUrl.isBlank() ? "http://localhost:8080" : this.baseUrl;
			return UriComponentsBuilder.fromUriString(base).path(path);
		}
		return ServletUriComponentsBuilder.fromCurrentContextPath().path(path);
	}

}
