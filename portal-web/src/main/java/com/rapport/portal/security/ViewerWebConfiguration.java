package com.rapport.portal.security;

import java.util.List;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.rapport.portal.web.AnonymousPageCache;

/**
 * Registers the viewer resolver, and keeps the viewer filter and the anonymous page cache
 * inside the security chain only (not a second time as plain servlet filters).
 */
@Configuration
class ViewerWebConfiguration implements WebMvcConfigurer {

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new ViewerArgumentResolver());
	}

	@Bean
	FilterRegistrationBean<ViewerFilter> viewerFilterRegistration(ViewerFilter filter) {
		FilterRegistrationBean<ViewerFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	@Bean
	FilterRegistrationBean<AnonymousPageCache> pageCacheRegistration(AnonymousPageCache filter) {
		FilterRegistrationBean<AnonymousPageCache> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

}
