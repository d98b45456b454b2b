package com.rapport.community.message;

import com.rapport.community.CommunityIntegrationTest;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.community.notification.NotificationKind;
import com.rapport.community.notification.Notifications;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConversationsIntegrationTest extends CommunityIntegrationTest {

	@Autowired
	Conversations conversations;

	@Autowired
	Blocks blocks;

	@Autowired
	Notifications notifications;

	@Test
	void onlyItsMembersReadAConversationAndUnreadMessagesAreCountedAndNotified() {
		Viewer ann = verifiedMember();
		Viewer bob = verifiedMember();
		Viewer carol = verifiedMember();
		Viewer outsider = verifiedMember();
		long id = this.conversations.start(ann, "@" + bob.username() + ", " + carol.username(), "Meet-up in May",
				"Shall we walk the **coast path**?");
		this.conversations.reply(bob, id, "Count me in.");

		assertThat(this.conversations.read(outsider, id)).as("not in it: nothing to read").isEmpty();
		assertThatThrownBy(() -> this.conversations.reply(outsider, id, "Hi!")).isInstanceOf(RejectedException.class);
		assertThat(this.conversations.unreadCount(carol)).isEqualTo(2);
		assertThat(this.conversations.unreadCount(ann)).isEqualTo(1);
		var inbox = this.conversations.inbox(carol, null);
		assertThat(inbox).hasSize(1);
		assertThat(inbox.get(0).participants()).containsExactlyInAnyOrder(ann.username(), bob.username());
		var carolsNotes = this.notifications.list(carol, null);
		assertThat(carolsNotes).hasSize(1);
		assertThat(carolsNotes.get(0).kind()).isEqualTo(NotificationKind.PRIVATE_MESSAGE);
		assertThat(carolsNotes.get(0).count()).as("grouped while unread").isEqualTo(2);
		assertThat(carolsNotes.get(0).url()).isEqualTo("/messages/" + id);
		assertThat(carolsNotes.get(0).topicTitle()).isEqualTo("Meet-up in May");

		var read = this.conversations.read(carol, id).orElseThrow();
		assertThat(read.messages()).extracting(MessageView::author).containsExactly(ann.username(), bob.username());
		assertThat(read.messages().get(0).html()).contains("<strong>coast path</strong>");
		assertThat(read.messages()).allMatch(MessageView::unread);
		assertThat(this.conversations.unreadCount(carol)).isZero();
		assertThat(this.conversations.read(carol, id).orElseThrow().messages()).noneMatch(MessageView::unread);
	}

	@Test
	void aBlockedMemberCannotWriteButModeratorsAlwaysCan() {
		Viewer ann = verifiedMember();
		Viewer pest = verifiedMember();
		Viewer moderator = verifiedMember(Role.MODERATOR);
		long earlier = this.conversations.start(pest, ann.username(), "Hello there", "Hi Ann!");
		this.blocks.block(ann, pest.username());

		assertThatThrownBy(() -> this.conversations.start(pest, ann.username(), "Again", "Hi again!"))
			.isInstanceOf(RejectedException.class)
			.extracting((ex) -> ((RejectedException) ex).fieldErrors().get("to"))
			.isEqualTo("message.blocked");
		assertThatThrownBy(() -> this.conversations.reply(pest, earlier, "Still there?"))
			.isInstanceOf(RejectedException.class);
		assertThat(this.conversations.read(pest, earlier).orElseThrow().canReply()).isFalse();
		assertThatThrownBy(() -> this.blocks.block(ann, moderator.username())).isInstanceOf(RejectedException.class);
		assertThatThrownBy(() -> this.blocks.block(ann, ann.username())).isInstanceOf(RejectedException.class);
		this.blocks.block(moderator, pest.username());
		this.conversations.start(moderator, pest.username(), "About your messages", "Please stop.");
		assertThat(this.blocks.blockedBy(ann)).containsExactly(pest.username());

		this.blocks.unblock(ann, pest.username());
		this.conversations.reply(pest, earlier, "Sorry about before.");
		assertThat(this.conversations.unreadCount(ann)).isEqualTo(2);
	}

	@Test
	void badInputChangesNothing() {
		Viewer ann = verifiedMember();
		Viewer bob = verifiedMember();
		int before = this.conversations.inbox(ann, null).size();
		assertThatThrownBy(() -> this.conversations.start(ann, "", "Subject", "Body"))
			.isInstanceOf(RejectedException.class);
		assertThatThrownBy(() -> this.conversations.start(ann, "nobody_" + unique("x"), "Subject", "Body"))
			.isInstanceOf(RejectedException.class);
		assertThatThrownBy(() -> this.conversations.start(ann, ann.username(), "Subject", "Body"))
			.isInstanceOf(RejectedException.class);
		assertThatThrownBy(() -> this.conversations.start(ann, bob.username(), "Hi", "Body"))
			.isInstanceOf(RejectedException.class);
		assertThatThrownBy(() -> this.conversations.start(ann, bob.username(), "Subject", "x".repeat(32_001)))
			.isInstanceOf(RejectedException.class);
		assertThatThrownBy(() -> this.conversations.start(Viewer.ANONYMOUS, bob.username(), "Subject", "Body"))
			.isInstanceOf(RejectedException.class);
		assertThat(this.conversations.inbox(ann, null)).hasSize(before);
		assertThat(this.conversations.inbox(bob, null)).isEmpty();
	}

}
