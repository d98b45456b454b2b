package com.rapport.portal.forum;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

import com.rapport.community.category.Access;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.TopicRef;
import com.rapport.community.topic.TopicService;
import com.rapport.community.topic.ViewCounter;
import com.rapport.portal.support.PortalIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading is cheap: an anonymous visitor gets no HTTP session (no row in the session
 * table either), and a topic view is counted later in a batch instead of written while
 * the page waits.
 */
class AnonymousReadingIntegrationTest extends PortalIntegrationTest {

	@Autowired
	TopicService topics;

	@Autowired
	ViewCounter views;

	@Autowired
	JdbcClient jdbc;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void anonymousPageViewsCreateNoSessionAndCountViewsInABatch() throws Exception {
		TopicRef topic = topic();
		long sessions = sessionRows();
		for (String path : new String[] { "/", "/latest", "/login", "/register", "/t/" + topic.id() + "?x" }) {
			HttpResponse<String> response = get(path);
			assertThat(response.headers().allValues("Set-Cookie")).as("cookies set by %s", path)
				.noneMatch((cookie) -> cookie.startsWith("JSESSIONID") || cookie.startsWith("SESSION="));
		}
		assertThat(sessionRows()).as("sessions in the database, shared by the nodes").isEqualTo(sessions);
		String page = "/t/" + topic.slug() + "/" + topic.id();
		assertThat(get(page).statusCode()).isEqualTo(200);
		assertThat(get(page).statusCode()).isEqualTo(200);
		assertThat(viewCount(topic.id())).as("not written while the page waits").isZero();

		this.views.flush();
		assertThat(viewCount(topic.id())).isEqualTo(2);
	}

	private long sessionRows() {
		return this.jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION").query(Long.class).single();
	}

	private int viewCount(long topicId) {
		return this.jdbc.sql("SELECT view_count FROM topic WHERE id = ?").param(topicId).query(Integer.class).single();
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private TopicRef topic() {
		var category = testData().category("Reading room", Access.ANYONE, Access.MEMBER);
		return this.topics.startTopic(testData().member("reader"),
				new NewTopic(category.id(), "Cheap reading for everyone", "Nothing is written while you read."));
	}

}
