package com.rapport.portal.engage;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.rapport.community.member.Viewer;
import com.rapport.portal.security.ViewerFilter;
import com.rapport.portal.web.AnonymousPageCache;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Counts the community's page views and visits, first-party and in memory: a page is a
 * GET answered 200 with a page template (not a redirect, a download or an error page),
 * outside the staff, moderation, survey and mail areas, asked by a browser that is not a
 * declared robot and not prefetching. The visit is told apart by the {@link VisitCookie}
 * (renewed on every page, so it ends after 30 minutes without one). Nothing is written to
 * the database and no session is made while the page waits: {@link EngagementCounts}
 * writes the counts later in a batch.
 * <p>
 * Also counts a forum survey invitation opened: the invitation's link to the survey page
 * carries {@code via=invitation}.
 */
@Component
class PageViews implements HandlerInterceptor, WebMvcConfigurer {

	static final Duration VISIT_GAP = Duration.ofMinutes(30);

	private static final List<String> NOT_COMMUNITY = List.of("/staff", "/mod/", "/embed", "/s/", "/email/", "/error",
			"/actuator", "/notifications/", "/css/", "/js/", "/images/", "/brand/");

	private static final List<String> ROBOTS = List.of("bot", "crawl", "spider", "slurp", "preview");

	private final EngagementCounts counts;

	private final boolean enabled;

	PageViews(EngagementCounts counts, @Value("${rapport.engagement.page-views:true}") boolean enabled) {
		this.counts = counts;
		this.enabled = enabled;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		if (this.enabled) {
			registry.addInterceptor(this).excludePathPatterns("/css/**", "/js/**", "/images/**", "/brand/logo");
		}
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView page) {
		if (isPage(request, response, handler, page)) {
			// counted again for each copy the anonymous page cache serves of this page
			AnonymousPageCache.onEachView(request, response, this::view);
		}
	}

	private void view(HttpServletRequest request, HttpServletResponse response) {
		if (!fromBrowser(request)) {
			return;
		}
		String path = path(request);
		Viewer viewer = ViewerFilter.of(request);
		if (path.startsWith("/s/")) {
			if (path.indexOf('/', 3) < 0 && "invitation".equals(request.getParameter("via")) && !viewer.isAnonymous()) {
				this.counts.count(Metric.SURVEY_OPENED, SurveyChannel.INVITATION);
			}
			return;
		}
		if (NOT_COMMUNITY.stream().anyMatch(path::startsWith)) {
			return;
		}
		String channel = viewer.isAnonymous() ? "visitor" : "member";
		LocalDate today = this.counts.today();
		VisitCookie visit = VisitCookie.parse(cookie(request), today);
		if (visit == null) {
			visit = VisitCookie.start(today);
			this.counts.count(today, Metric.VISIT, channel, 1);
		}
		else if (visit.isSingle()) {
			visit = visit.next();
			this.counts.count(visit.startDay(), Metric.MULTI_PAGE_VISIT, channel, 1);
		}
		this.counts.count(today, Metric.PAGE_VIEW, channel, 1);
		response.addHeader(HttpHeaders.SET_COOKIE,
				ResponseCookie.from(VisitCookie.NAME, visit.value())
					.path("/")
					.maxAge(VISIT_GAP)
					.httpOnly(true)
					.secure(request.isSecure())
					.sameSite("Lax")
					.build()
					.toString());
	}

	/** A page: a GET answered 200 with a page template, not a redirect or a forward. */
	private static boolean isPage(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView page) {
		if (!"GET".equals(request.getMethod()) || !(handler instanceof HandlerMethod) || page == null
				|| response.getStatus() != HttpServletResponse.SC_OK || response.isCommitted()) {
			return false;
		}
		String view = page.getViewName();
		return view != null && !view.startsWith("redirect:") && !view.startsWith("forward:");
	}

	/** Asked by a browser that is not a declared robot and not prefetching. */
	private static boolean fromBrowser(HttpServletRequest request) {
		if (isPrefetch(request.getHeader("Sec-Purpose")) || isPrefetch(request.getHeader("Purpose"))) {
			return false;
		}
		String agent = request.getHeader(HttpHeaders.USER_AGENT);
		if (agent == null || agent.isBlank()) {
			return false;
		}
		String lower = agent.toLowerCase(Locale.ROOT);
		return ROBOTS.stream().noneMatch(lower::contains);
	}

	private static boolean isPrefetch(String purpose) {
		return purpose != null && purpose.toLowerCase(Locale.ROOT).contains("prefetch");
	}

	private static String path(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String context = request.getContextPath();
		return (context != null && !context.isEmpty() && uri.startsWith(context)) ? uri.substring(context.length())
				: uri;
	}

	private static String cookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (VisitCookie.NAME.equals(cookie.getName())) {
					return cookie.getValue();
				}
			}
		}
		return null;
	}

}
