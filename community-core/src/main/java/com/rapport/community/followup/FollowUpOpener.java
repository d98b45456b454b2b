package com.rapport.community.followup;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.rapport.community.member.MemberService;
import com.rapport.community.member.Role;
import com.rapport.community.message.MessageSent;
import com.rapport.community.sentiment.PostSentimentScored;
import com.rapport.survey.response.MemberRespondents;
import com.rapport.survey.response.RespondentDeleted;
import com.rapport.survey.response.ResponseSubmitted;
import com.rapport.survey.response.ResponsesSubmitted;
import com.rapport.survey.survey.QuestionType;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Opens follow-ups in the transaction of what causes them, so a detractor's response is
 * never stored without its follow-up: a completed response with an NPS of 0–6, and a post
 * of a customer (not a moderator or staff member) whose sentiment score is below
 * {@code rapport.followup.post-threshold} (default −0.5). Each is due
 * {@code rapport.followup.due-hours} (default 48) after it opens. Also brings a
 * customer's answers in a follow-up's private conversation back into it, and deletes a
 * respondent's follow-ups with the rest of their survey data.
 */
@Component
class FollowUpOpener {

	static final int EXCERPT_MAX = 500;

	static final int DETRACTOR_MAX = 6;

	private final JdbcClient jdbc;

	private final FollowUps followUps;

	private final MemberRespondents memberRespondents;

	private final MemberService members;

	private final Clock clock;

	private final double postThreshold;

	private final Duration due;

	FollowUpOpener(JdbcClient jdbc, FollowUps followUps, MemberRespondents memberRespondents, MemberService members,
			Clock clock, @Value("${rapport.followup.post-threshold:-0.5}") double postThreshold,
			@Value("${rapport.followup.due-hours:48}") int dueHours) {
		this.jdbc = jdbc;
		this.followUps = followUps;
		this.memberRespondents = memberRespondents;
		this.members = members;
		this.clock = clock;
		this.postThreshold = postThreshold;
		this.due = Duration.ofHours(Math.max(1, dueHours));
	}

	/**
	 * Opens a follow-up for each detractor among the responses completed (an NPS of 0–6),
	 * with one query for their members and one insert for all of them; the responses
	 * carry their answers, so nothing is read back.
	 * @param event the responses completed in this transaction
	 */
	@EventListener
	void on(ResponsesSubmitted event) {
		List<Detractor> detractors = new ArrayList<>();
		for (ResponseSubmitted response : event.responses()) {
			Integer nps = null;
			StringBuilder comment = new StringBuilder();
			for (ResponseSubmitted.Answer answer : response.answers()) {
				if (answer.type() == QuestionType.NPS && answer.number() != null && nps == null) {
					nps = answer.number();
				}
				if (answer.text() != null && !answer.text().isBlank()) {
					if (!comment.isEmpty()) {
						comment.append(" · ");
					}
					comment.append(answer.text().strip());
				}
			}
			if (nps != null && nps <= DETRACTOR_MAX) {
				detractors.add(new Detractor(response, nps, excerpt(comment.toString())));
			}
		}
		if (detractors.isEmpty()) {
			return;
		}
		Map<String, Long> members = this.memberRespondents
			.membersOf(detractors.stream().map((d) -> d.response().respondentHash()).toList());
		Instant now = this.clock.instant();
		Timestamp created = Timestamp.from(now);
		Timestamp due = Timestamp.from(now.plus(this.due));
		// in response order, so two transactions lock the unique keys in the same order
		detractors.sort(Comparator.comparingLong((Detractor d) -> d.response().responseId()));
		List<Object> params = new ArrayList<>();
		for (Detractor detractor : detractors) {
			ResponseSubmitted response = detractor.response();
			params.addAll(Arrays.asList(response.responseId(), response.surveyId(), response.respondentHash(),
					(response.respondentHash() != null) ? members.get(response.respondentHash()) : null,
					emailIn(response.hiddenFields()), detractor.nps(), detractor.excerpt(), due, created));
		}
		this.jdbc
			.sql("INSERT IGNORE INTO follow_up (source, response_id, survey_id, respondent_hash, member_id, "
					+ "contact_email, score, excerpt, status, due_at, created_at) VALUES "
					+ String.join(", ",
							Collections.nCopies(detractors.size(), "('RESPONSE', ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)")))
			.params(params)
			.update();
		// the timeline starts with "opened" for the follow-ups this insert made (one
		// ignored because the response already had one has its timeline already)
		this.jdbc.sql("""
				INSERT INTO follow_up_event (follow_up_id, kind, actor_id, body, created_at)
				SELECT f.id, :kind, NULL, NULL, :at FROM follow_up f
				WHERE f.response_id IN (:ids)
				  AND NOT EXISTS (SELECT 1 FROM follow_up_event e WHERE e.follow_up_id = f.id)
				ORDER BY f.id""")
			.param("kind", FollowUpEventKind.OPENED.name())
			.param("at", created)
			.param("ids", detractors.stream().map((d) -> d.response().responseId()).toList())
			.update();
	}

	@EventListener
	void on(PostSentimentScored event) {
		if (event.score() >= this.postThreshold) {
			return;
		}
		boolean customer = this.members.findById(event.authorId())
			.map((m) -> !m.has(Role.MODERATOR) && !m.has(Role.STAFF))
			.orElse(false);
		if (!customer) {
			return;
		}
		String raw = this.jdbc.sql("SELECT raw FROM post WHERE id = ?")
			.param(event.postId())
			.query(String.class)
			.optional()
			.orElse("");
		Instant now = this.clock.instant();
		open(this.jdbc.sql("""
				INSERT IGNORE INTO follow_up (source, post_id, member_id, sentiment_score, excerpt, status, due_at,
				    created_at)
				VALUES ('POST', ?, ?, ?, ?, 'OPEN', ?, ?)""")
			.params(event.postId(), event.authorId(), event.score(), excerpt(raw), Timestamp.from(now.plus(this.due)),
					Timestamp.from(now)));
	}

	@EventListener
	void on(MessageSent event) {
		this.jdbc
			.sql("SELECT f.id FROM follow_up_conversation c JOIN follow_up f ON f.id = c.follow_up_id "
					+ "WHERE c.conversation_id = ? AND f.member_id = ?")
			.params(event.conversationId(), event.authorId())
			.query(Long.class)
			.optional()
			.flatMap(this.followUps::byId)
			.ifPresent((followUp) -> {
				String body = this.jdbc.sql("SELECT raw FROM message WHERE id = ?")
					.param(event.messageId())
					.query(String.class)
					.optional()
					.orElse("");
				boolean ownerInConversation = followUp.ownerId() != null && this.jdbc
					.sql("SELECT COUNT(*) FROM conversation_member WHERE conversation_id = ? AND member_id = ?")
					.params(event.conversationId(), followUp.ownerId())
					.query(Integer.class)
					.single() > 0;
				this.followUps.replied(followUp, event.authorId(), body, ownerInConversation);
			});
	}

	@EventListener
	void on(RespondentDeleted event) {
		this.jdbc.sql("DELETE FROM follow_up WHERE respondent_hash = ?").param(event.respondentHash()).update();
	}

	private record Detractor(ResponseSubmitted response, int nps, String excerpt) {
	}

	/**
	 * Runs an {@code INSERT IGNORE} of a follow-up and, when it made one (the event was
	 * not seen before), starts its timeline.
	 */
	private void open(JdbcClient.StatementSpec insert) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		if (insert.update(keys) > 0) {
			this.followUps.event(keys.getKeyAs(Number.class).longValue(), FollowUpEventKind.OPENED, null, null);
		}
	}

	static String excerpt(String text) {
		String flat = text.strip().replaceAll("\\s+", " ");
		if (flat.isEmpty()) {
			return null;
		}
		if (flat.codePointCount(0, flat.length()) <= EXCERPT_MAX) {
			return flat;
		}
		int end = flat.offsetByCodePoints(0, EXCERPT_MAX - 1);
		return flat.substring(0, end) + "…";
	}

	/**
	 * The address in a response's hidden field {@code email}, when it looks like one.
	 */
	static String emailIn(String hiddenFields) {
		if (hiddenFields == null) {
			return null;
		}
		for (String pair : hiddenFields.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0 && "email".equals(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8))) {
				String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).strip();
				return looksLikeEmail(value) ? value : null;
			}
		}
		return null;
	}

	static boolean looksLikeEmail(String value) {
		int at = value.indexOf('@');
		if (value.length() > 254 || at < 1 || at != value.lastIndexOf('@') || at == value.length() - 1) {
			return false;
		}
		String domain = value.substring(at + 1);
		if (!domain.contains(".") || domain.startsWith(".") || domain.endsWith(".")) {
			return false;
		}
		return value.chars().noneMatch((c) -> Character.isWhitespace(c) || c == '<' || c == '>' || c == ',');
	}

}
