package com.rapport.portal.forum;

import com.rapport.community.topic.NewTopic;
import com.rapport.portal.web.CleanText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The composer for a new topic.
 */
class TopicForm {

	@NotNull(message = "{validation.required}")
	private Long categoryId;

	@NotBlank(message = "{validation.required}")
	@Size(min = 5, max = 200, message = "{topic.title.length}")
	@CleanText
	private String title;

	@NotBlank(message = "{validation.required}")
	@Size(max = 32000, message = "{post.body.length}")
	@CleanText
	private String body;

	@Size(max = 400, message = "{tags.invalid}")
	private String tags;

	NewTopic toCommand() {
		return new NewTopic(this.categoryId, this.title, this.body);
	}

	public Long getCategoryId() {
		return this.categoryId;
	}

	public void setCategoryId(Long categoryId) {
		this.categoryId = categoryId;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getTags() {
		return this.tags;
	}

	public void setTags(String tags) {
		this.tags = tags;
	}

	public String getBody() {
		return this.body;
	}

	public void setBody(String body) {
		this.body = body;
	}

}
