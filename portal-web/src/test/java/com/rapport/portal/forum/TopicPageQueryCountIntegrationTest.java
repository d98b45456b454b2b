package com.rapport.portal.forum;

import java.util.ArrayList;
import java.util.List;

import com.rapport.community.category.Access;
import com.rapport.community.member.Viewer;
import com.rapport.community.topic.AcceptedAnswers;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.Reaction;
import com.rapport.community.topic.Reactions;
import com.rapport.community.topic.TopicRef;
import com.rapport.community.topic.TopicService;
import com.rapport.portal.support.PortalIntegrationTest;
import com.rapport.portal.support.StatementCounter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A topic page costs the same number of SQL statements whatever number of posts it shows
 * (no query per post, per author or per reaction): 20 posts by several authors, with
 * reactions, a quote and an accepted answer, against 2 posts.
 */
class TopicPageQueryCountIntegrationTest extends PortalIntegrationTest {

	@Autowired
	WebApplicationContext context;

	@Autowired
	TopicService topics;

	@Autowired
	Reactions reactions;

	@Autowired
	AcceptedAnswers answers;

	@Autowired
	JdbcClient jdbc;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
	}

	@Test
	void aTopicPageWithTwentyPostsSendsAsManyStatementsAsOneWithTwo() throws Exception {
		long category = testData().category("Counted", Access.ANYONE, Access.MEMBER).id();
		List<Viewer> authors = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			authors.add(testData().member("writer"));
		}
		Viewer reader = testData().member("reader");
		TopicRef small = topic(category, authors, 2);
		TopicRef large = topic(category, authors, 20);

		for (RequestBuilder[] pair : List.of(new RequestBuilder[] { page(small), page(large) },
				new RequestBuilder[] { page(small).with(user(reader.username()).roles("MEMBER")),
						page(large).with(user(reader.username()).roles("MEMBER")) })) {
			// the first view of each page warms what is cached once (brand, settings);
			// the fewest of three views then leaves out what a short-lived cache (the
			// brand settings, kept 5 s) reloads now and then
			statements(pair[0]);
			statements(pair[1]);
			int twoPosts = fewest(pair[0]);
			int twentyPosts = fewest(pair[1]);
			assertThat(twentyPosts).as("statements for 20 posts against %d for 2", twoPosts).isEqualTo(twoPosts);
			assertThat(twoPosts).as("a topic page is a handful of statements").isBetween(3, 40);
		}
	}

	private TopicRef topic(long category, List<Viewer> authors, int posts) {
		TopicRef topic = this.topics.startTopic(authors.get(0),
				new NewTopic(category, "Counted topic with " + posts + " posts", "First post."));
		for (int n = 2; n <= posts; n++) {
			Viewer author = authors.get(n % authors.size());
			this.topics.reply(author, topic.id(), "Reply number " + n + ", quoting [the first](/t/x/1).",
					(n % 3 == 0) ? 1 : null);
		}
		List<Long> ids = this.jdbc.sql("SELECT id FROM post WHERE topic_id = ? ORDER BY post_number")
			.param(topic.id())
			.query(Long.class)
			.list();
		for (int i = 1; i < ids.size(); i++) {
			// every reply liked by someone other than its author (authors.get((i + 1) %
			// 5))
			this.reactions.toggle(authors.get((i + 2) % authors.size()), ids.get(i), Reaction.LIKE);
		}
		this.answers.accept(authors.get(0), ids.get(1));
		return topic;
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder page(TopicRef topic) {
		return get("/t/{slug}/{id}", topic.slug(), topic.id());
	}

	private int fewest(RequestBuilder request) throws Exception {
		int fewest = Integer.MAX_VALUE;
		for (int i = 0; i < 3; i++) {
			fewest = Math.min(fewest, statements(request));
		}
		return fewest;
	}

	private int statements(RequestBuilder request) throws Exception {
		return StatementCounter.count(() -> this.mvc.perform(request).andExpect(status().isOk()));
	}

}
