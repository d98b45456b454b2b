package com.rapport.survey.survey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A survey and the questions of one version (the current one unless asked otherwise).
 *
 * @param id the id
 * @param key the public key used in links and the embed snippet
 * @param name the name staff know it by
 * @param status where it is in its life
 * @param currentVersion the version new respondents answer
 * @param questions the questions of the version read, in order
 * @param settings how, where and how often it is shown
 * @param responseCount completed responses so far
 * @param rowVersion the survey row's version, incremented by every change of the survey,
 * its settings or its questions (not by answers): two reads with the same row version saw
 * the same survey and questions
 */
public record Survey(long id, String key, String name, SurveyStatus status, int currentVersion,
		List<Question> questions, SurveySettings settings, int responseCount, int rowVersion) {

	public Survey {
		questions = List.copyOf(questions);
	}

	/**
	 * Whether it takes answers at {@code now}: published, within its dates, below its
	 * maximum.
	 * @param now the time of the answer
	 * @return true when it does
	 */
	public boolean isOpenAt(Instant now) {
		return isOpenAt(now, 0);
	}

	/**
	 * Whether it takes answers at {@code now} when {@code completedMeanwhile} responses
	 * were completed since its count was read (answers written together in one batch).
	 * @param now the time of the answer
	 * @param completedMeanwhile responses completed and not yet in the count
	 * @return true when it does
	 */
	public boolean isOpenAt(Instant now, int completedMeanwhile) {
		return this.status == SurveyStatus.PUBLISHED
				&& (this.settings.startsAt() == null || !now.isBefore(this.settings.startsAt()))
				&& (this.settings.endsAt() == null || now.isBefore(this.settings.endsAt()))
				&& (this.settings.maxResponses() == null
						|| this.responseCount + completedMeanwhile < this.settings.maxResponses());
	}

	/**
	 * The question with this id in the version read.
	 * @param questionId the id
	 * @return the question, empty when it is not one of this version's
	 */
	public Optional<Question> question(long questionId) {
		return this.questions.stream().filter((q) -> q.id() == questionId).findFirst();
	}

	/**
	 * The question with this key in the version read.
	 * @param key the key
	 * @return the question
	 */
	public Optional<Question> questionByKey(String key) {
		return this.questions.stream().filter((q) -> q.key().equals(key)).findFirst();
	}

}
