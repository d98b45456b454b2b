package com.rapport.portal.survey;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The embed's own filter chain, ahead of the portal's. The frame lives on other websites,
 * where browsers withhold the portal's cookies: it is stateless (no session, no security
 * context, no CSRF cookie) and its answers are authorised by the signed form token that
 * {@link FormTokens} checks instead of the CSRF token. Framing is not denied here: each
 * frame response sets its own {@code Content-Security-Policy: frame-ancestors} with the
 * survey's listed origins.
 */
@Configuration
class EmbedSecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain embedSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher("/embed/**", "/embed.js")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.csrf((csrf) -> csrf.disable())
			.headers((headers) -> headers.frameOptions((frame) -> frame.disable())
				.cacheControl((cache) -> cache.disable())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
		return http.build();
	}

}
