package com.rapport.portal.forum;

import com.rapport.portal.web.CleanText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Editing a post (and the title, for a topic's first post).
 */
class EditForm {

	@CleanText
	@Size(max = 200, message = "{topic.title.length}")
	private String title;

	@CleanText
	@NotBlank(message = "{validation.required}")
	@Size(max = 32000, message = "{post.body.length}")
	private String body;

	private int version;

	@Size(max = 400, message = "{tags.invalid}")
	private String tags;

	public String getTags() {
		return this.tags;
	}

	public void setTags(String tags) {
		this.tags = tags;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getBody() {
		return this.body;
	}

	public void setBody(String body) {
		this.body = body;
	}

	public int getVersion() {
		return this.version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

}
