package com.rapport.portal.message;

import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import com.rapport.community.message.Blocks;
import com.rapport.community.message.ConversationView;
import com.rapport.community.message.Conversations;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * Private messages: every route needs a logged-in member (see the security configuration)
 * and the services check that the viewer is in the conversation.
 */
@Controller
class MessageController {

	private final Conversations conversations;

	private final Blocks blocks;

	MessageController(Conversations conversations, Blocks blocks) {
		this.conversations = conversations;
		this.blocks = blocks;
	}

	@GetMapping("/messages")
	String inbox(@RequestParam(name = "before", required = false) Long before, Viewer viewer, Model model) {
		var page = this.conversations.inbox(viewer, before);
		model.addAttribute("conversations", page);
		model.addAttribute("nextBefore",
				(page.size() == Conversations.PAGE_SIZE) ? page.get(page.size() - 1).id() : null);
		model.addAttribute("blocked", this.blocks.blockedBy(viewer));
		return "message/inbox";
	}

	@GetMapping("/messages/new")
	String initMessageForm(@RequestParam(name = "to", required = false) String to, Model model) {
		MessageForm form = new MessageForm();
		form.setTo(to);
		model.addAttribute("messageForm", form);
		return "message/new";
	}

	@PostMapping("/messages")
	String processMessageForm(@Valid @ModelAttribute("messageForm") MessageForm form, BindingResult result,
			Viewer viewer) {
		if (!result.hasErrors()) {
			try {
				long id = this.conversations.start(viewer, form.getTo(), form.getSubject(), form.getBody());
				return "redirect:/messages/" + id;
			}
			catch (RejectedException rejected) {
				rejected.fieldErrors().forEach((field, key) -> {
					if ("to".equals(field) || "subject".equals(field) || "body".equals(field)) {
						result.rejectValue(field, key);
					}
					else {
						result.reject(key);
					}
				});
			}
		}
		return "message/new";
	}

	@GetMapping("/messages/{id}")
	String conversation(@PathVariable long id, Viewer viewer, Model model) {
		model.addAttribute("conversation", read(viewer, id));
		model.addAttribute("replyForm", new MessageReplyForm());
		return "message/conversation";
	}

	@PostMapping("/messages/{id}")
	String reply(@PathVariable long id, @Valid @ModelAttribute("replyForm") MessageReplyForm form, BindingResult result,
			Viewer viewer, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.conversations.reply(viewer, id, form.getBody());
				redirect.addFlashAttribute("message", "message.sent");
				return "redirect:/messages/" + id + "#reply";
			}
			catch (RejectedException rejected) {
				if (rejected.fieldErrors().containsKey("conversation")) {
					throw new ResponseStatusException(HttpStatus.NOT_FOUND);
				}
				rejected.fieldErrors().values().forEach(result::reject);
			}
		}
		model.addAttribute("conversation", read(viewer, id));
		return "message/conversation";
	}

	@PostMapping("/u/{username}/block")
	String block(@PathVariable String username, @RequestParam(name = "undo", defaultValue = "false") boolean undo,
			Viewer viewer, RedirectAttributes redirect) {
		try {
			if (undo) {
				this.blocks.unblock(viewer, username);
				redirect.addFlashAttribute("message", "block.lifted");
			}
			else {
				this.blocks.block(viewer, username);
				redirect.addFlashAttribute("message", "block.done");
			}
		}
		catch (RejectedException rejected) {
			redirect.addFlashAttribute("error", rejected.fieldErrors().values().iterator().next());
		}
		return "redirect:/u/" + UriUtils.encodePathSegment(username, "UTF-8");
	}

	private ConversationView read(Viewer viewer, long id) {
		return this.conversations.read(viewer, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
