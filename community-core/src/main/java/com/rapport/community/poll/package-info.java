/**
 * Surveys shown inline in a topic: a poll with its results after voting, or a survey
 * whose answers stay private. Moderators attach a published survey to a topic.
 */
package com.rapport.community.poll;
