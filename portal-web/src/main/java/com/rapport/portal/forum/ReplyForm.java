package com.rapport.portal.forum;

import com.rapport.portal.web.CleanText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The composer for a reply.
 */
class ReplyForm {

	@NotBlank(message = "{validation.required}")
	@Size(max = 32000, message = "{post.body.length}")
	@CleanText
	private String body;

	private Integer replyTo;

	public String getBody() {
		return this.body;
	}

	public void setBody(String body) {
		this.body = body;
	}

	public Integer getReplyTo() {
		return this.replyTo;
	}

	public void setReplyTo(Integer replyTo) {
		this.replyTo = replyTo;
	}

}
