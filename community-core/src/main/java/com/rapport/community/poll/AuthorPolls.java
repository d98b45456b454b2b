package com.rapport.community.poll;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import com.rapport.community.category.CategoryService;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import com.rapport.community.topic.ParticipationGuard;
import com.rapport.survey.survey.Survey;
import com.rapport.survey.survey.SurveyService;
import com.rapport.survey.survey.SurveyStatus;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Polls that topic authors place in their own topics. Staff choose which published
 * surveys authors may use (a poll's voters see the results of every answer to the
 * survey); an author places one of them, as a poll, in a topic they started that is open
 * and lies in a category where they may start topics, once per topic: a topic that shows
 * a survey already keeps it. An author removes a poll they placed; moderators manage
 * every topic's survey through {@link TopicSurveys}.
 */
@Service
public class AuthorPolls {

	private final JdbcClient jdbc;

	private final SurveyService surveys;

	private final CategoryService categories;

	private final ObjectProvider<ParticipationGuard> guards;

	private final Clock clock;

	AuthorPolls(JdbcClient jdbc, SurveyService surveys, CategoryService categories,
			ObjectProvider<ParticipationGuard> guards, Clock clock) {
		this.jdbc = jdbc;
		this.surveys = surveys;
		this.categories = categories;
		this.guards = guards;
		this.clock = clock;
	}

	/**
	 * Lets topic authors place a survey as a poll, or stops letting them (polls already
	 * placed stay).
	 * @param viewer the staff member
	 * @param surveyId the survey
	 * @param allowed whether authors may place it
	 */
	@Transactional
	@PreAuthorize("hasRole('STAFF')")
	public void allow(Viewer viewer, long surveyId, boolean allowed) {
		if (allowed) {
			this.jdbc.sql("INSERT IGNORE INTO author_poll_survey (survey_id, allowed_by, allowed_at) VALUES (?, ?, ?)")
				.params(surveyId, viewer.memberId(), Timestamp.from(this.clock.instant()))
				.update();
		}
		else {
			this.jdbc.sql("DELETE FROM author_poll_survey WHERE survey_id = ?").param(surveyId).update();
		}
	}

	/**
	 * Whether topic authors may place the survey.
	 * @param surveyId the survey
	 * @return true when staff allowed it
	 */
	public boolean isAllowed(long surveyId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM author_poll_survey WHERE survey_id = ?")
			.param(surveyId)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * The surveys an author may place: published, and allowed by staff.
	 * @return the surveys, by name
	 */
	public List<Choice> choices() {
		return this.jdbc.sql("""
				SELECT s.survey_key, s.name FROM survey s JOIN author_poll_survey a ON a.survey_id = s.id
				WHERE s.status = 'PUBLISHED' ORDER BY s.name, s.id""")
			.query((rs, n) -> new Choice(rs.getString(1), rs.getString(2)))
			.list();
	}

	/**
	 * Whether the viewer may place a poll in the topic now (the composer shows the choice
	 * only then); {@link #place} checks it all again.
	 * @param viewer who reads the topic
	 * @param topicId the topic
	 * @return true when they may
	 */
	public boolean mayPlace(Viewer viewer, long topicId) {
		try {
			checkAuthor(viewer, topicId);
		}
		catch (RejectedException ex) {
			return false;
		}
		return !hasSurvey(topicId);
	}

	/**
	 * Places a poll in the author's own topic.
	 * @param viewer the topic's author
	 * @param topicId the topic
	 * @param surveyKey the survey's key
	 * @return the survey placed
	 * @throws RejectedException naming why nothing was placed
	 */
	@Transactional
	public Survey place(Viewer viewer, long topicId, String surveyKey) {
		checkAuthor(viewer, topicId);
		this.guards.orderedStream()
			.forEach((guard) -> guard.check(viewer, ParticipationGuard.Participation.START_TOPIC));
		Survey survey = (surveyKey == null || surveyKey.isBlank() || surveyKey.length() > 64) ? null
				: this.surveys.findByKey(surveyKey.strip()).orElse(null);
		if (survey == null || survey.status() != SurveyStatus.PUBLISHED || survey.questions().isEmpty()
				|| !isAllowed(survey.id())) {
			throw new RejectedException("survey", "ops3.poll.error.survey");
		}
		try {
			this.jdbc
				.sql("INSERT INTO topic_survey (topic_id, survey_id, mode, attached_by, attached_at) "
						+ "VALUES (?, ?, ?, ?, ?)")
				.params(topicId, survey.id(), TopicSurveyMode.POLL.name(), viewer.memberId(),
						Timestamp.from(this.clock.instant()))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new RejectedException("topic", "ops3.poll.error.onePerTopic");
		}
		return survey;
	}

	/**
	 * Removes the poll the author placed in their topic (its votes stay with the survey).
	 * @param viewer the topic's author
	 * @param topicId the topic
	 * @throws RejectedException when the topic's survey was not placed by them
	 */
	@Transactional
	public void remove(Viewer viewer, long topicId) {
		checkAuthor(viewer, topicId);
		int removed = this.jdbc.sql("DELETE FROM topic_survey WHERE topic_id = ? AND attached_by = ?")
			.params(topicId, viewer.memberId())
			.update();
		if (removed == 0) {
			throw new RejectedException("topic", "ops3.poll.error.notYours");
		}
	}

	/**
	 * Whether the topic shows a poll that the viewer placed as its author.
	 * @param viewer who reads
	 * @param topicId the topic
	 * @return true when they placed it
	 */
	public boolean placedBy(Viewer viewer, long topicId) {
		if (viewer.isAnonymous()) {
			return false;
		}
		return this.jdbc
			.sql("SELECT COUNT(*) FROM topic_survey ts JOIN topic t ON t.id = ts.topic_id "
					+ "WHERE ts.topic_id = ? AND ts.attached_by = ? AND t.author_id = ?")
			.params(topicId, viewer.memberId(), viewer.memberId())
			.query(Integer.class)
			.single() > 0;
	}

	private void checkAuthor(Viewer viewer, long topicId) {
		if (viewer.isAnonymous() || !viewer.emailVerified()) {
			throw new RejectedException("topic", "ops3.poll.error.notAuthor");
		}
		TopicRow topic = this.jdbc
			.sql("SELECT author_id, category_id, closed_at IS NOT NULL FROM topic WHERE id = ? AND deleted_at IS NULL")
			.param(topicId)
			.query((rs, n) -> new TopicRow(rs.getLong(1), rs.getLong(2), rs.getBoolean(3)))
			.optional()
			.orElseThrow(() -> new RejectedException("topic", "topicSurvey.error.topic"));
		if (topic.authorId() != viewer.memberId()) {
			throw new RejectedException("topic", "ops3.poll.error.notAuthor");
		}
		if (topic.closed()) {
			throw new RejectedException("topic", "ops3.poll.error.closed");
		}
		boolean mayStart = this.categories.findById(topic.categoryId(), viewer)
			.filter((category) -> category.topicsStartableBy(viewer))
			.isPresent();
		if (!mayStart) {
			throw new RejectedException("topic", "ops3.poll.error.category");
		}
	}

	private boolean hasSurvey(long topicId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM topic_survey WHERE topic_id = ?")
			.param(topicId)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * A survey an author may place.
	 *
	 * @param key the survey's key
	 * @param name its name
	 */
	public record Choice(String key, String name) {
	}

	private record TopicRow(long authorId, long categoryId, boolean closed) {
	}

}
