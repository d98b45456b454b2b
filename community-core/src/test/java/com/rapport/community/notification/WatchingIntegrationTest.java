package com.rapport.community.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.rapport.community.CommunityIntegrationTest;
import com.rapport.community.CommunityTestApplication.MutableClock;
import com.rapport.community.category.Access;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.Reaction;
import com.rapport.community.topic.Reactions;
import com.rapport.community.topic.TopicRef;
import com.rapport.community.topic.TopicService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WatchingIntegrationTest extends CommunityIntegrationTest {

	@Autowired
	Watching watching;

	@Autowired
	Notifications notifications;

	@Autowired
	TopicService topics;

	@Autowired
	Reactions reactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Test
	void startingAndReplyingWatchTheTopicAndWatchersHearOfEveryPostGroupedWhileUnread() {
		Viewer author = verifiedMember();
		Viewer replier = verifiedMember();
		Viewer third = verifiedMember();
		long category = newCategory(Access.ANYONE);
		TopicRef topic = this.topics.startTopic(author, new NewTopic(category, "Which stove for winter?", "Ideas?"));
		assertThat(this.watching.levelOf(author, topic.id()))
			.isEqualTo(new TopicLevel(NotificationLevel.WATCHING, "CREATED"));

		this.topics.reply(replier, topic.id(), "A liquid-fuel one.", null);
		assertThat(this.watching.levelOf(replier, topic.id()))
			.isEqualTo(new TopicLevel(NotificationLevel.WATCHING, "REPLIED"));
		assertThat(kinds(author)).containsExactly("REPLY");

		this.topics.reply(third, topic.id(), "Gas struggles below -10 °C.", 1);
		this.topics.reply(third, topic.id(), "Pre-heat the canister.", 1);
		assertThat(kinds(replier)).as("two new posts in a watched topic, one grouped notification")
			.containsExactly("WATCHED_POST");
		assertThat(this.notifications.list(replier, null).get(0).count()).isEqualTo(2);
		assertThat(kinds(author)).as("replies to the author stay replies").containsExactly("REPLY", "REPLY", "REPLY");
	}

	@Test
	void aChosenLevelWinsOverRepliesAndMutingSilencesEvenReplies() {
		Viewer author = verifiedMember();
		Viewer other = verifiedMember();
		long category = newCategory(Access.ANYONE);
		TopicRef topic = this.topics.startTopic(author, new NewTopic(category, "Tent pole snapped", "Now what?"));
		this.watching.setTopicLevel(author, topic.id(), NotificationLevel.MUTED);
		this.topics.reply(author, topic.id(), "Found a splint in the kit.", null);
		assertThat(this.watching.levelOf(author, topic.id())).as("replying does not override a level the member chose")
			.isEqualTo(new TopicLevel(NotificationLevel.MUTED, "CHOSEN"));

		this.topics.reply(other, topic.id(), "@" + author.username() + " tape works too.", 1);
		this.reactions.toggle(other, postId(topic, 1), Reaction.LIKE);
		assertThat(kinds(author)).as("a muted topic tells nothing").isEmpty();
	}

	@Test
	void watchingACategoryTellsOfNewTopicsAndRepliesButOnlyToMembersWhoMayReadIt() {
		Viewer watcher = verifiedMember();
		Viewer moderator = verifiedMember(Role.MODERATOR);
		Viewer author = verifiedMember(Role.MODERATOR);
		long open = newCategory(Access.ANYONE);
		long lounge = newCategory(Access.MODERATOR);
		this.watching.setCategoryLevel(watcher, open, NotificationLevel.WATCHING);
		assertThatThrownBy(() -> this.watching.setCategoryLevel(watcher, lounge, NotificationLevel.WATCHING))
			.as("a category the member cannot read cannot be watched")
			.isInstanceOf(RejectedException.class);
		this.watching.setCategoryLevel(moderator, lounge, NotificationLevel.WATCHING);
		this.jdbc.sql("INSERT INTO category_member (member_id, category_id, level) VALUES (?, ?, 3)")
			.params(watcher.memberId(), lounge)
			.update();

		TopicRef topic = this.topics.startTopic(author, new NewTopic(open, "Spring meetup", "Who is in?"));
		this.topics.reply(author, topic.id(), "Saturday at ten.", null);
		TopicRef secret = this.topics.startTopic(author, new NewTopic(lounge, "Moderator rota", "Sign up here."));

		assertThat(kinds(watcher)).containsExactly("NEW_TOPIC", "WATCHED_POST");
		assertThat(kinds(moderator)).containsExactly("NEW_TOPIC");
		assertThat(this.notifications.list(moderator, null).get(0).topicId()).isEqualTo(secret.id());
	}

	@Test
	void listsMarkNewTopicsAndCountUnreadPostsOfTrackedOnes() {
		Viewer reader = verifiedMember();
		Viewer author = verifiedMember();
		long category = newCategory(Access.ANYONE);
		this.clock.advance(Duration.ofMinutes(1));
		TopicRef tracked = this.topics.startTopic(author, new NewTopic(category, "Best trail snacks", "Go."));
		TopicRef unseen = this.topics.startTopic(author, new NewTopic(category, "Boot sizing chart", "Here."));
		TopicRef normal = this.topics.startTopic(author, new NewTopic(category, "Rain cover colours", "Why?"));

		this.watching.markRead(reader, tracked.id(), 1);
		this.watching.setTopicLevel(reader, tracked.id(), NotificationLevel.TRACKING);
		this.watching.markRead(reader, normal.id(), 1);
		this.topics.reply(author, tracked.id(), "Dates.", null);
		this.topics.reply(author, tracked.id(), "Nuts.", null);
		this.topics.reply(author, normal.id(), "Because.", null);

		var markers = this.watching.markers(reader, List.of(tracked.id(), unseen.id(), normal.id()));
		assertThat(markers.get(tracked.id())).isEqualTo(new ReadMarker(false, 2, 2));
		assertThat(markers.get(unseen.id())).isEqualTo(new ReadMarker(true, 0, 1));
		assertThat(markers).as("a normal topic shows no unread count").doesNotContainKey(normal.id());

		this.watching.markRead(reader, tracked.id(), 3);
		this.watching.markRead(reader, tracked.id(), 1);
		assertThat(this.watching.markers(reader, List.of(tracked.id()))).as("reading never goes backwards").isEmpty();
		assertThat(this.watching.markers(Viewer.ANONYMOUS, List.of(tracked.id()))).isEmpty();
	}

	private List<String> kinds(Viewer member) {
		// badge thank-yous (a first post, a first reaction) are not about watching
		List<String> kinds = new ArrayList<>(this.notifications.list(member, null)
			.stream()
			.filter((n) -> n.kind() != NotificationKind.BADGE_AWARDED)
			.map((n) -> n.kind().name())
			.toList());
		Collections.reverse(kinds);
		return kinds;
	}

}
