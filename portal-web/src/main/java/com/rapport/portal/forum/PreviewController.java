package com.rapport.portal.forum;

import com.rapport.community.topic.PostRenderer;
import com.rapport.community.topic.TopicService;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The composer's live preview: the Markdown rendered exactly as it will be posted,
 * through the same sanitiser, so a preview of malicious input is as harmless as the post.
 */
@Controller
class PreviewController {

	private final PostRenderer renderer;

	PreviewController(PostRenderer renderer) {
		this.renderer = renderer;
	}

	@PostMapping(value = "/preview", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> preview(@RequestParam(name = "body", defaultValue = "") String body) {
		if (body.length() > TopicService.BODY_MAX) {
			return ResponseEntity.badRequest().body("");
		}
		return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(this.renderer.render(body));
	}

}
