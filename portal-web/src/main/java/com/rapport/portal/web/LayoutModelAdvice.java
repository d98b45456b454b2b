package com.rapport.portal.web;

import com.rapport.portal.brand.Brand;
import com.rapport.portal.brand.BrandSettings;
import com.rapport.portal.security.ViewerFilter;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
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

	/**
	 * The four attributes in one method: Spring MVC calls each model attribute method of
	 * an advice by reflection, with its arguments resolved, before every handler — once
	 * here instead of four times.
	 */
	@ModelAttribute
	void layout(HttpServletRequest request, Model model) {
		model.addAttribute("brand", this.brand.current());
		model.addAttribute("viewer", ViewerFilter.of(request));
		model.addAttribute("unreadNotifications", ViewerFilter.unreadNotifications(request));
		model.addAttribute("lang", LocaleContextHolder.getLocale().toLanguageTag());
	}

}
