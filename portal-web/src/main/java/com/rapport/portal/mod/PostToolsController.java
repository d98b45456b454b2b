package com.rapport.portal.mod;

import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import com.rapport.community.moderation.PostModeration;
import com.rapport.community.topic.PostEditor;
import com.rapport.community.topic.PostEditor.EditablePost;
import com.rapport.community.topic.TopicQueries;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * Moderator tools on a post: hide with a reason, unhide, delete, restore, edit with a
 * notice. Each is written to the audit log.
 */
@Controller
@RequestMapping("/mod/posts")
class PostToolsController {

	private final PostModeration moderation;

	private final PostEditor editor;

	private final TopicQueries queries;

	PostToolsController(PostModeration moderation, PostEditor editor, TopicQueries queries) {
		this.moderation = moderation;
		this.editor = editor;
		this.queries = queries;
	}

	@PostMapping("/{id}/hide")
	String hide(@PathVariable long id, @RequestParam(required = false) String reason, Viewer viewer,
			RedirectAttributes redirect) {
		Flash.run(redirect, "mod.done.hidden", () -> this.moderation.hide(viewer, id, reason));
		return back(viewer, id);
	}

	@PostMapping("/{id}/unhide")
	String unhide(@PathVariable long id, Viewer viewer, RedirectAttributes redirect) {
		Flash.run(redirect, "mod.done.unhidden", () -> this.moderation.unhide(viewer, id, null));
		return back(viewer, id);
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, @RequestParam(required = false) String reason, Viewer viewer,
			RedirectAttributes redirect) {
		Flash.run(redirect, "mod.done.postDeleted", () -> this.moderation.delete(viewer, id, reason));
		return back(viewer, id);
	}

	@PostMapping("/{id}/restore")
	String restore(@PathVariable long id, Viewer viewer, RedirectAttributes redirect) {
		Flash.run(redirect, "mod.done.postRestored", () -> this.moderation.restore(viewer, id, null));
		return back(viewer, id);
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Viewer viewer, Model model, RedirectAttributes redirect) {
		try {
			EditablePost post = this.editor.editable(viewer, id);
			model.addAttribute("post", post);
			if (!model.containsAttribute("body")) {
				model.addAttribute("body", post.body());
			}
			return "mod/post-edit";
		}
		catch (RejectedException rejected) {
			redirect.addFlashAttribute("error", rejected.fieldErrors().values().iterator().next());
			return "redirect:/mod";
		}
	}

	@PostMapping("/{id}/edit")
	String edit(@PathVariable long id, @RequestParam(required = false) String body, @RequestParam int version,
			@RequestParam(required = false) String notice, Viewer viewer, RedirectAttributes redirect) {
		try {
			this.moderation.edit(viewer, id, body, version, notice);
			redirect.addFlashAttribute("message", "mod.done.edited");
			return back(viewer, id);
		}
		catch (RejectedException rejected) {
			redirect.addFlashAttribute("error", rejected.fieldErrors().values().iterator().next());
			redirect.addFlashAttribute("body", body);
			redirect.addFlashAttribute("notice", notice);
			return "redirect:/mod/posts/" + id + "/edit";
		}
	}

	private String back(Viewer viewer, long postId) {
		return this.queries.locate(viewer, postId)
			.map((where) -> "redirect:/t/" + UriUtils.encodePathSegment(where.slug(), "UTF-8") + "/" + where.topicId()
					+ "?page=" + where.page() + "#post-" + where.postNumber())
			.orElse("redirect:/latest");
	}

}
