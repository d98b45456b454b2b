package com.rapport.portal.notification;

import com.rapport.community.member.Viewer;
import com.rapport.community.notification.Notification;
import com.rapport.community.notification.NotificationKind;
import com.rapport.community.notification.Notifications;
import com.rapport.community.topic.TopicQueries;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriUtils;

/**
 * A member's notifications: the list, following one (which marks it read), marking all
 * read.
 */
@Controller
class NotificationController {

	private final Notifications notifications;

	NotificationController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/notifications")
	String list(@RequestParam(name = "before", required = false) Long before, Viewer viewer, Model model) {
		var page = this.notifications.list(viewer, before);
		model.addAttribute("notifications", page);
		model.addAttribute("nextBefore",
				(page.size() == Notifications.PAGE_SIZE) ? page.get(page.size() - 1).id() : null);
		return "notification/list";
	}

	@GetMapping("/notifications/{id}")
	String follow(@PathVariable long id, Viewer viewer) {
		Notification notification = this.notifications.find(viewer, id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		this.notifications.markRead(viewer, id);
		if (notification.url() != null) {
			return "redirect:" + notification.url();
		}
		if (notification.kind() == NotificationKind.SURVEY) {
			return "redirect:/surveys/invitations";
		}
		if (notification.topicId() == null) {
			// decisions about posts that never reached a topic are explained on the
			// member's
			// moderation page
			return notification.kind().name().startsWith("POST_") || notification.kind().name().startsWith("APPEAL_")
					? "redirect:/moderation" : "redirect:/notifications";
		}
		int page = (notification.postNumber() != null)
				? (notification.postNumber() - 1) / TopicQueries.POSTS_PER_PAGE + 1 : 1;
		return "redirect:/t/" + UriUtils.encodePathSegment(notification.topicSlug(), "UTF-8") + "/"
				+ notification.topicId() + "?page=" + page
				+ ((notification.postNumber() != null) ? "#post-" + notification.postNumber() : "");
	}

	@PostMapping("/notifications/read")
	String markAllRead(Viewer viewer) {
		this.notifications.markAllRead(viewer);
		return "redirect:/notifications";
	}

}
