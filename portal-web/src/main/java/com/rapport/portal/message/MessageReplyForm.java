package com.rapport.portal.message;

import com.rapport.community.message.Conversations;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A message added to a conversation.
 */
public class MessageReplyForm {

	@NotBlank(message = "{message.body.length}")
	@Size(max = Conversations.BODY_MAX, message = "{message.body.length}")
	private String body;

	public String getBody() {
		return this.body;
	}

	public void setBody(String body) {
		this.body = body;
	}

}
