package com.rapport.community.poll;

/**
 * How a survey in a topic treats its answers.
 */
public enum TopicSurveyMode {

	/** A poll: who voted sees the counts so far. */
	POLL,
	/** Answers stay with staff; who answered is thanked. */
	PRIVATE

}
