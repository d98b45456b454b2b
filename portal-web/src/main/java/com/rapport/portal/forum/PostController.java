package com.rapport.portal.forum;

import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import com.rapport.community.tag.TagCount;
import com.rapport.community.tag.TagNames;
import com.rapport.community.tag.Tags;
import com.rapport.community.topic.AcceptedAnswers;
import com.rapport.community.topic.PostEditor;
import com.rapport.community.topic.PostEditor.EditablePost;
import com.rapport.community.topic.Reaction;
import com.rapport.community.topic.Reactions;
import com.rapport.community.topic.TopicQueries;
import com.rapport.community.topic.TopicQueries.PostLocation;
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
 * What members do with a post: react, accept it as the answer, edit, delete, restore, and
 * read its history. {@code /p/{id}} is the post's permalink.
 */
@Controller
class PostController {

	private final TopicQueries topics;

	private final Reactions reactions;

	private final AcceptedAnswers answers;

	private final PostEditor editor;

	private final Tags tags;

	PostController(TopicQueries topics, Reactions reactions, AcceptedAnswers answers, PostEditor editor, Tags tags) {
		this.topics = topics;
		this.reactions = reactions;
		this.answers = answers;
		this.editor = editor;
		this.tags = tags;
	}

	@GetMapping("/p/{postId}")
	String permalink(@PathVariable long postId, Viewer viewer) {
		return "redirect:" + location(viewer, postId);
	}

	@PostMapping("/p/{postId}/reactions")
	String react(@PathVariable long postId, @RequestParam("reaction") String reaction, Viewer viewer,
			RedirectAttributes redirect) {
		try {
			this.reactions.toggle(viewer, postId, Reaction.valueOf(reaction));
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", "reaction.unknown");
		}
		catch (RejectedException rejected) {
			redirect.addFlashAttribute("error", first(rejected));
		}
		return "redirect:" + location(viewer, postId);
	}

	@PostMapping("/p/{postId}/accept")
	String accept(@PathVariable long postId, @RequestParam(name = "undo", defaultValue = "false") boolean undo,
			Viewer viewer, RedirectAttributes redirect) {
		try {
			if (undo) {
				this.answers.unaccept(viewer, postId);
			}
			else {
				this.answers.accept(viewer, postId);
				redirect.addFlashAttribute("message", "answer.accepted");
			}
		}
		catch (RejectedException rejected) {
			redirect.addFlashAttribute("error", first(rejected));
		}
		return "redirect:" + location(viewer, postId);
	}

	@GetMapping("/p/{postId}/edit")
	String initEditForm(@PathVariable long postId, Viewer viewer, Model model) {
		EditablePost post = editable(viewer, postId);
		EditForm form = new EditForm();
		form.setTitle(post.title());
		form.setBody(post.body());
		form.setVersion(post.version());
		if (post.postNumber() == 1) {
			form.setTags(TagNames.join(this.tags.of(post.topicId())));
		}
		model.addAttribute("post", post);
		model.addAttribute("editForm", form);
		tagChoices(viewer, post, model);
		return "forum/edit";
	}

	@PostMapping("/p/{postId}/edit")
	String processEditForm(@PathVariable long postId, @Valid @ModelAttribute("editForm") EditForm form,
			BindingResult result, Viewer viewer, Model model, RedirectAttributes redirect) {
		EditablePost post = editable(viewer, postId);
		if (!result.hasErrors() && post.postNumber() == 1 && form.getTags() != null) {
			// the tags are checked first: a refused tag leaves the post unchanged too
			try {
				this.tags.check(viewer, form.getTags());
			}
			catch (RejectedException rejected) {
				rejected.fieldErrors()
					.forEach((field, key) -> result.rejectValue("tags", key,
							new Object[] { TagMessages.argument(key, this.tags) }, null));
			}
		}
		if (!result.hasErrors()) {
			try {
				this.editor.edit(viewer, postId, (post.postNumber() == 1) ? form.getTitle() : null, form.getBody(),
						form.getVersion());
				if (post.postNumber() == 1 && form.getTags() != null) {
					this.tags.retag(viewer, post.topicId(), form.getTags());
				}
				redirect.addFlashAttribute("message", "post.saved");
				return "redirect:" + location(viewer, postId);
			}
			catch (RejectedException rejected) {
				rejected.fieldErrors().forEach((field, key) -> {
					if ("title".equals(field) || "body".equals(field)) {
						result.rejectValue(field, key);
					}
					else {
						result.reject(key);
					}
				});
			}
		}
		// the member's text stays in the form; the post shows what is saved now
		model.addAttribute("post", post);
		tagChoices(viewer, post, model);
		return "forum/edit";
	}

	@PostMapping("/p/{postId}/delete")
	String delete(@PathVariable long postId, Viewer viewer, RedirectAttributes redirect) {
		PostLocation location = this.topics.locate(viewer, postId).orElseThrow(PostController::notFound);
		try {
			this.editor.delete(viewer, postId);
			redirect.addFlashAttribute("message", "post.deleted");
		}
		catch (RejectedException rejected) {
			redirect.addFlashAttribute("error", first(rejected));
		}
		if (location.postNumber() == 1 && !viewer.isModerator()) {
			return "redirect:/latest";
		}
		return "redirect:" + url(location);
	}

	@PostMapping("/p/{postId}/restore")
	String restore(@PathVariable long postId, Viewer viewer, RedirectAttributes redirect) {
		try {
			this.editor.restore(viewer, postId);
			redirect.addFlashAttribute("message", "post.restored");
		}
		catch (RejectedException rejected) {
			redirect.addFlashAttribute("error", first(rejected));
		}
		return "redirect:" + location(viewer, postId);
	}

	@GetMapping("/p/{postId}/revisions")
	String revisions(@PathVariable long postId, Viewer viewer, Model model) {
		try {
			model.addAttribute("revisions", this.editor.revisions(viewer, postId));
		}
		catch (RejectedException rejected) {
			throw notFound();
		}
		model.addAttribute("postId", postId);
		model.addAttribute("postUrl", location(viewer, postId));
		return "forum/revisions";
	}

	@PostMapping("/p/{postId}/revisions/{revision}/redact")
	String redact(@PathVariable long postId, @PathVariable int revision, Viewer viewer, RedirectAttributes redirect) {
		try {
			this.editor.redact(viewer, postId, revision);
			redirect.addFlashAttribute("message", "revision.redacted");
		}
		catch (RejectedException rejected) {
			redirect.addFlashAttribute("error", first(rejected));
		}
		return "redirect:/p/" + postId + "/revisions";
	}

	private void tagChoices(Viewer viewer, EditablePost post, Model model) {
		if (post.postNumber() == 1) {
			model.addAttribute("tagSuggestions",
					this.tags.visibleTo(viewer, 200).stream().map(TagCount::name).toList());
			model.addAttribute("mayCreateTags", this.tags.mayCreate(viewer));
			model.addAttribute("maxTags", this.tags.maxPerTopic());
			model.addAttribute("maxTagLength", this.tags.maxLength());
		}
	}

	private EditablePost editable(Viewer viewer, long postId) {
		try {
			return this.editor.editable(viewer, postId);
		}
		catch (RejectedException rejected) {
			if (rejected.fieldErrors().containsValue("post.notFound")) {
				throw notFound();
			}
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
	}

	private String location(Viewer viewer, long postId) {
		return url(this.topics.locate(viewer, postId).orElseThrow(PostController::notFound));
	}

	static String url(PostLocation location) {
		return "/t/" + UriUtils.encodePathSegment(location.slug(), "UTF-8") + "/" + location.topicId() + "?page="
				+ location.page() + "#post-" + location.postNumber();
	}

	private static String first(RejectedException rejected) {
		return rejected.fieldErrors().values().iterator().next();
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

}
