package com.rapport.portal.security;

import javax.sql.DataSource;

import com.rapport.community.member.LoginThrottle;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

import com.rapport.portal.web.AnonymousPageCache;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.rememberme.JdbcTokenRepositoryImpl;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The web security of the portal: form login with remember-me kept in the database, role
 * rules per area, CSRF everywhere, and strict security headers.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' https: data:; "
			+ "style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'self'";

	@Bean
	SecurityFilterChain portalSecurity(HttpSecurity http, UserDetailsService users,
			PersistentTokenRepository rememberMeTokens, LoginThrottle throttle, ViewerFilter viewerFilter,
			SuspensionNotice suspension, AnonymousPageCache pageCache, Environment environment) throws Exception {
		// configured in production (see RememberMeKey); random only on the embedded
		// database or the demo profile
		String rememberMeKey = RememberMeKey.resolve(environment);
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/staff/**")
			.hasRole("STAFF")
			.requestMatchers("/mod/**")
			.hasRole("MODERATOR")
			.requestMatchers("/new-topic", "/account/**", "/notifications/**", "/p/*/edit", "/p/*/flag",
					"/moderation/**", "/messages", "/messages/**", "/topics/similar", "/welcome/**")
			.authenticated()
			.requestMatchers(HttpMethod.POST, "/p/**", "/t/*/replies", "/preview", "/t/*/notification-level",
					"/c/*/notification-level", "/u/*/block", "/t/*/tags", "/t/*/survey", "/t/*/survey/*",
					"/rewards/*/redeem", "/t/*/vote", "/t/*/unvote")
			.authenticated()
			.anyRequest()
			.permitAll())
			.formLogin((login) -> login.loginPage("/login")
				.successHandler(new ThrottleAwareSuccessHandler(throttle))
				.failureHandler(new ThrottleAwareFailureHandler(throttle, suspension))
				.permitAll())
			.rememberMe((remember) -> remember.tokenRepository(rememberMeTokens)
				.userDetailsService(users)
				.key(rememberMeKey)
				.tokenValiditySeconds(60 * 60 * 24 * 30))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/?loggedOut").permitAll())
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.permissionsPolicyHeader(
						(permissions) -> permissions.policy("camera=(), microphone=(), geolocation=()")))
			// the CSRF token lives in a cookie, so an anonymous visitor's page view
			// creates no session
			// survey answers carry a signed form token instead (see FormTokens); mail
			// programs' one-click unsubscribe (RFC 8058) POSTs the signed link without
			// any token (see UnsubscribeLinks)
			.csrf((csrf) -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository())
				.ignoringRequestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/s/*"),
						PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/s/*/save"),
						PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/email/unsubscribe")))
			.addFilterBefore(viewerFilter, AuthorizationFilter.class)
			.addFilterAfter(pageCache, AuthorizationFilter.class);
		return http.build();
	}

	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.fromHierarchy("ROLE_STAFF > ROLE_MODERATOR\nROLE_MODERATOR > ROLE_MEMBER");
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	PersistentTokenRepository rememberMeTokens(DataSource dataSource) {
		JdbcTokenRepositoryImpl repository = new JdbcTokenRepositoryImpl();
		repository.setDataSource(dataSource);
		return repository;
	}

}
