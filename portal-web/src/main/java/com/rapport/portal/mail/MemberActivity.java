package com.rapport.portal.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.rapport.community.member.Viewer;
import com.rapport.portal.security.ViewerFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Remembers when a logged-in member was last on the site and in which language, so
 * notifications are not mailed to someone who is reading them right now and mail is
 * written in their language. Written at most once a minute per member (and at once when
 * the language changes); visitors cause no write.
 */
@Component
class MemberActivity implements HandlerInterceptor, WebMvcConfigurer {

	private static final Duration RESOLUTION = Duration.ofMinutes(1);

	private static final int MAX_REMEMBERED = 50_000;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Map<Long, Seen> lastWritten = new ConcurrentHashMap<>();

	MemberActivity(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).excludePathPatterns("/css/**", "/js/**", "/images/**", "/brand/logo");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Viewer viewer = ViewerFilter.of(request);
		if (!viewer.isAnonymous()) {
			seen(viewer.memberId(), MemberLocale.tagOf(LocaleContextHolder.getLocale()));
		}
		return true;
	}

	private void seen(long memberId, String locale) {
		Instant now = this.clock.instant();
		Seen last = this.lastWritten.get(memberId);
		if (last != null && last.locale().equals(locale) && last.at().plus(RESOLUTION).isAfter(now)) {
			return;
		}
		if (this.lastWritten.size() > MAX_REMEMBERED) {
			this.lastWritten.clear();
		}
		this.lastWritten.put(memberId, new Seen(now, locale));
		try {
			this.jdbc.sql("UPDATE member SET last_seen_at = ?, locale = ? WHERE id = ?")
				.params(Timestamp.from(now), locale, memberId)
				.update();
		}
		catch (DataAccessException ex) {
			// only a hint for mail timing: the page is served anyway
			this.lastWritten.remove(memberId);
		}
	}

	private record Seen(Instant at, String locale) {
	}

}
