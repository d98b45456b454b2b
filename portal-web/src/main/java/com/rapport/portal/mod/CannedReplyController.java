package com.rapport.portal.mod;

import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import com.rapport.community.moderation.CannedReplies;
import com.rapport.community.moderation.CannedReplies.CannedReply;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The moderators' canned replies: list, add, change, remove.
 */
@Controller
@RequestMapping("/mod/canned")
class CannedReplyController {

	private final CannedReplies canned;

	CannedReplyController(CannedReplies canned) {
		this.canned = canned;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("replies", this.canned.all());
		return "mod/canned";
	}

	@PostMapping
	String create(@RequestParam(required = false) String title, @RequestParam(required = false) String body,
			Viewer viewer, RedirectAttributes redirect) {
		try {
			this.canned.create(viewer, title, body);
			redirect.addFlashAttribute("message", "mod.done.cannedSaved");
		}
		catch (RejectedException rejected) {
			redirect.addFlashAttribute("error", rejected.fieldErrors().values().iterator().next());
			redirect.addFlashAttribute("title", title);
			redirect.addFlashAttribute("body", body);
		}
		return "redirect:/mod/canned";
	}

	@GetMapping("/{id}")
	String editForm(@PathVariable long id, Model model) {
		CannedReply reply = this.canned.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("reply", reply);
		return "mod/canned-edit";
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @RequestParam(required = false) String title,
			@RequestParam(required = false) String body, Viewer viewer, RedirectAttributes redirect) {
		try {
			this.canned.update(viewer, id, title, body);
			redirect.addFlashAttribute("message", "mod.done.cannedSaved");
			return "redirect:/mod/canned";
		}
		catch (RejectedException rejected) {
			redirect.addFlashAttribute("error", rejected.fieldErrors().values().iterator().next());
			return "redirect:/mod/canned/" + id;
		}
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, Viewer viewer, RedirectAttributes redirect) {
		Flash.run(redirect, "mod.done.cannedDeleted", () -> this.canned.delete(viewer, id));
		return "redirect:/mod/canned";
	}

}
