package com.rapport.portal.message;

import com.rapport.community.message.Conversations;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A new conversation as typed: recipients, subject, first message.
 */
public class MessageForm {

	@NotBlank(message = "{message.to.missing}")
	@Size(max = 400, message = "{message.to.tooMany}")
	private String to;

	@NotBlank(message = "{message.subject.length}")
	@Size(min = Conversations.SUBJECT_MIN, max = Conversations.SUBJECT_MAX, message = "{message.subject.length}")
	private String subject;

	@NotBlank(message = "{message.body.length}")
	@Size(max = Conversations.BODY_MAX, message = "{message.body.length}")
	private String body;

	public String getTo() {
		return this.to;
	}

	public void setTo(String to) {
		this.to = to;
	}

	public String getSubject() {
		return this.subject;
	}

	public void setSubject(String subject) {
		this.subject = subject;
	}

	public String getBody() {
		return this.body;
	}

	public void setBody(String body) {
		this.body = body;
	}

}
