package com.rapport.portal.web;

import com.rapport.community.member.Viewer;
import com.rapport.portal.brand.Brand;
import com.rapport.portal.brand.BrandSettings;
import com.rapport.portal.security.ViewerFilter;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout needs on every page: the brand, the viewer and the language shown. Only
 * for controllers (the portal's and the error pages'), not for the actuator endpoints:
 * the readiness probe must answer while the database is away, and the brand is read from
 * it.
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutModelAdvice {

	private final BrandSettings brand;

	LayoutModelAdvice(BrandSettings brand) {
		this.brand = brand;
	}

	@ModelAttribute("brand")
	Brand brand() {
		return this.brand.current();
	}

	@ModelAttribute("viewer")
	Viewer viewer(HttpServletRequest request) {
		return ViewerFilter.of(request);
	}

	@ModelAttribute("unreadNotifications")
	int unreadNotifications(HttpServletRequest request) {
		return ViewerFilter.unreadNotifications(request);
	}

	@ModelAttribute("lang")
	String lang() {
		return LocaleContextHolder.getLocale().toLanguageTag();
	}

}
