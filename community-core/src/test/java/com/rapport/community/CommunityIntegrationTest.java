package com.rapport.community;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.rapport.community.category.Access;
import com.rapport.community.category.CategoryService;
import com.rapport.community.category.NewCategory;
import com.rapport.community.member.MemberService;
import com.rapport.community.member.Registration;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.community.topic.TopicRef;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * Base of the community core's integration tests: one Spring context and one embedded
 * MariaDB for all of them. Tests stay independent by creating their own members and
 * categories with unique names.
 */
@SpringBootTest(classes = CommunityTestApplication.class,
		properties = { "rapport.db.embedded.ephemeral=true", ReviewDefaults.APPROVALS, ReviewDefaults.POSTS,
				ReviewDefaults.NEW_POSTS, ReviewDefaults.TOPICS, ReviewDefaults.NEW_TOPICS, ReviewDefaults.SAME_TEXT,
				ReviewDefaults.LINKS })
public abstract class CommunityIntegrationTest {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	@Autowired
	private MemberService memberService;

	@Autowired
	private CategoryService categoryService;

	@Autowired
	private JdbcClient jdbcClient;

	/**
	 * A new member with a confirmed address and a unique name.
	 * @param roles roles beyond MEMBER
	 * @return the member as they act
	 */
	protected Viewer verifiedMember(Role... roles) {
		String name = unique("m");
		long id = this.memberService
			.createVerified(new Registration(name, name + "@example.com", "a long secret phrase"), Set.of(roles));
		Set<Role> all = new HashSet<>(Set.of(roles));
		all.add(Role.MEMBER);
		return new Viewer(id, name, all, true);
	}

	/**
	 * A new discussion category where members start topics and reply.
	 * @param read who may read it
	 * @return its id
	 */
	protected long newCategory(Access read) {
		String slug = unique("c").toLowerCase().replace('_', '-');
		return this.categoryService
			.create(new NewCategory(null, slug, slug, "", "#123456", "DISCUSSION", read, Access.MEMBER, Access.MEMBER));
	}

	/**
	 * @param topic the topic
	 * @param number the post's number in it (1 is the first post)
	 * @return the post's id
	 */
	protected long postId(TopicRef topic, int number) {
		return postId(topic.id(), number);
	}

	/**
	 * The id of a post.
	 * @param topicId the topic
	 * @param number the post's number in it (1 is the first post)
	 * @return the post's id
	 */
	protected long postId(long topicId, int number) {
		return this.jdbcClient.sql("SELECT id FROM post WHERE topic_id = ? AND post_number = ?")
			.params(topicId, number)
			.query(Long.class)
			.single();
	}

	protected static String unique(String prefix) {
		return prefix + "_" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQUENCE.incrementAndGet();
	}

}
