package com.rapport.community.followup;

import java.time.Instant;

/**
 * A follow-up as staff see it.
 *
 * @param id the follow-up
 * @param source what opened it
 * @param responseId the survey response (for {@link FollowUpSource#RESPONSE})
 * @param surveyId the survey answered
 * @param surveyName the survey's name
 * @param postId the post (for {@link FollowUpSource#POST})
 * @param topicId the post's topic
 * @param postNumber the post's number in its topic
 * @param topicTitle the topic's title
 * @param memberId the customer when they have an account
 * @param memberUsername the customer's username
 * @param contactEmail the email the host page passed with the response, if any
 * @param score the NPS given (responses)
 * @param sentimentScore the post's sentiment (posts)
 * @param excerpt what the customer wrote (comment or post), shortened
 * @param status where it stands
 * @param ownerId the staff member who owns it
 * @param ownerUsername the owner's username
 * @param dueAt when the customer should have been contacted
 * @param createdAt when it was opened
 * @param contactedAt when the customer was first contacted
 * @param closedAt when it was resolved or given up
 * @param conversationId the private conversation with the customer
 * @param lastReplyAt when the customer last answered
 */
public record FollowUp(long id, FollowUpSource source, Long responseId, Long surveyId, String surveyName, Long postId,
		Long topicId, Integer postNumber, String topicTitle, Long memberId, String memberUsername, String contactEmail,
		Integer score, Double sentimentScore, String excerpt, FollowUpStatus status, Long ownerId, String ownerUsername,
		Instant dueAt, Instant createdAt, Instant contactedAt, Instant closedAt, Long conversationId,
		Instant lastReplyAt) {

	/**
	 * Whether the customer should have been contacted by now and was not.
	 * @param now the current time
	 * @return true when still open past its due date
	 */
	public boolean isOverdue(Instant now) {
		return this.status == FollowUpStatus.OPEN && this.dueAt.isBefore(now);
	}

	/**
	 * Whether staff can write to the customer inside the portal.
	 * @return true when the customer is a member
	 */
	public boolean canMessage() {
		return this.memberUsername != null;
	}

	/**
	 * Whether staff can email the customer.
	 * @return true when the response carried an email address
	 */
	public boolean canEmail() {
		return this.contactEmail != null;
	}

}
