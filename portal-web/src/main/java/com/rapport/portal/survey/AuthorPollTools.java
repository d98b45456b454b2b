package com.rapport.portal.survey;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.rapport.community.member.Viewer;
import com.rapport.community.poll.AuthorPolls;
import com.rapport.community.poll.AuthorPolls.Choice;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a topic's author (not a moderator, who has the full survey tools) is offered on
 * their topic page: the polls they may place, or removing the one they placed.
 */
@Component
public class AuthorPollTools {

	private final AuthorPolls polls;

	private final Duration refreshInterval;

	AuthorPollTools(AuthorPolls polls, @Value("${rapport.poll.refresh-interval:15s}") Duration refreshInterval) {
		this.polls = polls;
		this.refreshInterval = refreshInterval;
	}

	/**
	 * How often a voter's page reads the poll's results again
	 * ({@code rapport.poll.refresh-interval}, 15 s).
	 * @return the interval in milliseconds
	 */
	public long refreshMillis() {
		return this.refreshInterval.toMillis();
	}

	/**
	 * The tools for the viewer on a topic page.
	 * @param viewer who reads
	 * @param topicId the topic
	 * @param author whether the viewer started the topic
	 * @return the tools, empty when there is nothing to offer
	 */
	public Optional<Tools> of(Viewer viewer, long topicId, boolean author) {
		if (!author || viewer.isAnonymous() || viewer.isModerator()) {
			return Optional.empty();
		}
		if (this.polls.placedBy(viewer, topicId)) {
			return Optional.of(new Tools(topicId, List.of(), true));
		}
		if (!this.polls.mayPlace(viewer, topicId)) {
			return Optional.empty();
		}
		List<Choice> choices = this.polls.choices();
		return choices.isEmpty() ? Optional.empty() : Optional.of(new Tools(topicId, choices, false));
	}

	/**
	 * The author's poll tools.
	 *
	 * @param topicId the topic
	 * @param choices the surveys they may place (empty when they placed one)
	 * @param removable whether they placed the topic's poll and may remove it
	 */
	public record Tools(long topicId, List<Choice> choices, boolean removable) {

		public Tools {
			choices = List.copyOf(choices);
		}

	}

}
