package com.rapport.portal.engage;

import java.util.Optional;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Controller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Follows a tracked link of a notification mail: counts the mail as clicked and leads to
 * the portal page it names. A link that was changed, or that names anything but a path of
 * the portal, is refused with a page that says so (no redirect at all).
 */
@Controller
class MailClickController {

	private final MailClicks clicks;

	MailClickController(MailClicks clicks) {
		this.clicks = clicks;
	}

	@GetMapping(MailClicks.PATH)
	ModelAndView follow(@RequestParam(name = "u", required = false) String path,
			@RequestParam(name = "c", required = false) String channel,
			@RequestParam(name = "m", required = false) String mailId,
			@RequestParam(name = "d", required = false) String day,
			@RequestParam(name = "s", required = false) String signature) {
		Optional<MailClicks.Click> click = this.clicks.verify(path, channel, mailId, day, signature);
		if (click.isEmpty()) {
			return new ModelAndView("engage/link-refused", HttpStatus.BAD_REQUEST);
		}
		try {
			this.clicks.record(click.get());
		}
		catch (DataAccessException ex) {
			// the count is lost, the reader still gets to the page
		}
		RedirectView redirect = new RedirectView(click.get().path(), true);
		redirect.setStatusCode(HttpStatus.SEE_OTHER);
		redirect.setExposeModelAttributes(false);
		return new ModelAndView(redirect);
	}

}
