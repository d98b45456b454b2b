package com.rapport.portal.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The portal speaks English, Simplified Chinese and Russian. A first visit follows the
 * browser's Accept-Language; a choice made with the language switcher ({@code ?lang=}) is
 * remembered in a cookie.
 */
@Configuration
class LocaleConfiguration implements WebMvcConfigurer {

	static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE,
			Locale.forLanguageTag("ru"));

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("rapport-lang");
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieSameSite("Lax");
		resolver.setDefaultLocaleFunction(LocaleConfiguration::fromBrowser);
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor() {
			@Override
			protected Locale parseLocaleValue(String localeValue) {
				return supported(super.parseLocaleValue(localeValue));
			}
		};
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

	private static Locale fromBrowser(HttpServletRequest request) {
		var ranges = request.getLocales();
		while (ranges.hasMoreElements()) {
			Locale candidate = supported(ranges.nextElement());
			if (candidate != null) {
				return candidate;
			}
		}
		return Locale.ENGLISH;
	}

	/**
	 * The supported locale for a requested one: any Chinese is Simplified Chinese, any
	 * Russian is Russian, any English is English.
	 */
	static Locale supported(Locale requested) {
		if (requested == null) {
			return null;
		}
		return switch (requested.getLanguage()) {
			case "zh" -> Locale.SIMPLIFIED_CHINESE;
			case "ru" -> Locale.forLanguageTag("ru");
			case "en" -> Locale.ENGLISH;
			default -> null;
		};
	}

}
