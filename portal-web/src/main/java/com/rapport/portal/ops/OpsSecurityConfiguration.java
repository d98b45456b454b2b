package com.rapport.portal.ops;

import com.rapport.portal.security.ViewerFilter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * The filter chain of {@code /actuator/**}, ahead of the portal's. A load balancer reads
 * liveness and readiness without logging in and learns only UP or DOWN; everything else
 * (health details, Prometheus metrics) needs a logged-in STAFF session or the scrape
 * token ({@code Authorization: Bearer …}). Only reading endpoints are exposed; nothing
 * here creates a session.
 */
@Configuration
class OpsSecurityConfiguration {

	/** The role a valid scrape token grants, for this chain only. */
	static final String METRICS_ROLE = "METRICS";

	@Bean
	@Order(2)
	SecurityFilterChain operationsSecurity(HttpSecurity http, ViewerFilter viewerFilter,
			@Value("${rapport.metrics.token:}") String token) throws Exception {
		http.securityMatcher("/actuator/**")
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers("/actuator/health/liveness", "/actuator/health/readiness")
						.permitAll()
						.anyRequest()
						.hasAnyRole("STAFF", METRICS_ROLE))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.requestCache((cache) -> cache.disable())
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
			// roles of a session are read fresh, as on every other page; the token is
			// looked at only after that, for a request that has no member behind it
			.addFilterBefore(viewerFilter, ExceptionTranslationFilter.class)
			.addFilterAfter(new ScrapeTokenFilter(token), ExceptionTranslationFilter.class);
		return http.build();
	}

	/**
	 * No observation of Spring Security's own work. With a Micrometer registry present,
	 * Spring Security otherwise wraps every filter of both chains, each authorization and
	 * each authentication in an observation: about fifteen per request, each updating a
	 * timer, none of them among the metrics the portal documents (README "Operations").
	 * Logins and refusals are in the request log and the audit log instead.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

}
