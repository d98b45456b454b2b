package com.rapport.portal.mod;

import com.rapport.community.moderation.Sanction;
import com.rapport.portal.security.ViewerFilter;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells a silenced member on every page until when and why, so a refused reply is never a
 * surprise. The sanctions were read with the member by the {@link ViewerFilter}.
 */
@ControllerAdvice
class SanctionNoticeAdvice {

	@ModelAttribute("activeSilence")
	Sanction activeSilence(HttpServletRequest request) {
		return ViewerFilter.sanctions(request).silence();
	}

}
