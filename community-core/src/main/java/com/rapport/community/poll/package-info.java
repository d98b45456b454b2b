/**
 * Surveys shown inline in a topic: a poll with its results after voting, or a survey
 * whose answers stay private. Moderators attach a published survey to a topic; topic
 * authors place, as a poll in their own topic, one of the published surveys staff offer
 * them ({@link com.rapport.community.poll.AuthorPolls}).
 */
package com.rapport.community.poll;
