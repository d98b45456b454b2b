package com.rapport.survey.response;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.rapport.survey.SurveyTestApplication;
import com.rapport.survey.survey.NewQuestion;
import com.rapport.survey.survey.QuestionType;
import com.rapport.survey.survey.Survey;
import com.rapport.survey.survey.SurveyService;
import com.rapport.survey.survey.SurveySettings;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A webhook dispatcher stopped while it delivers finishes the delivery in hand, starts no
 * other and hands its claim back; the next run delivers the rest, each once.
 */
@SpringBootTest(classes = SurveyTestApplication.class, properties = "rapport.db.embedded.ephemeral=true")
class WebhookDispatcherClaimsIntegrationTest {

	@Autowired
	SurveyService surveys;

	@Autowired
	ResponseService responses;

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aStoppedDispatcherHandsBackWhatItClaimedAndTheNextRunDeliversIt() throws Exception {
		List<String> received = new CopyOnWriteArrayList<>();
		Runnable[] onFirst = new Runnable[1];
		HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		receiver.createContext("/hook", (exchange) -> {
			received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			Runnable first = onFirst[0];
			onFirst[0] = null;
			if (first != null) {
				first.run();
			}
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		receiver.start();
		try {
			Survey survey = survey();
			List<Long> ids = List.of(respond(survey), respond(survey), respond(survey));
			this.jdbc.sql("UPDATE survey SET webhook_url = ? WHERE id = ?")
				.params("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", survey.id())
				.update();
			// due a year from the application's clock; the dispatcher under test runs two
			// ahead
			Instant due = this.clock.instant().plus(Duration.ofDays(365));
			for (long id : ids) {
				this.jdbc.sql(
						"INSERT INTO survey_webhook_delivery (survey_id, response_id, next_attempt_at) VALUES (?, ?, ?)")
					.params(survey.id(), id, Timestamp.from(due))
					.update();
			}
			WebhookDispatcher dispatcher = new WebhookDispatcher(this.jdbc,
					Clock.fixed(due.plus(Duration.ofDays(365)), ZoneOffset.UTC));
			dispatcher.start();
			Thread[] stopping = new Thread[1];
			onFirst[0] = () -> {
				stopping[0] = new Thread(dispatcher::stop);
				stopping[0].start();
				while (dispatcher.isRunning()) {
					Thread.onSpinWait();
				}
			};

			dispatcher.deliverDue();
			stopping[0].join(10_000);

			assertThat(received).hasSize(1);
			assertThat(count("delivered_at IS NOT NULL", ids)).isEqualTo(1);
			assertThat(count("claimed_by IS NOT NULL", ids)).as("nothing stays claimed").isZero();

			dispatcher.start();
			dispatcher.deliverDue();
			assertThat(received).hasSize(3);
			assertThat(received.stream().distinct()).hasSize(3);
			assertThat(count("delivered_at IS NOT NULL", ids)).isEqualTo(3);
			assertThat(count("claimed_by IS NOT NULL", ids)).isZero();
		}
		finally {
			receiver.stop(0);
		}
	}

	private Survey survey() {
		long id = this.surveys.create("hook-" + UUID.randomUUID().toString().substring(0, 8), "Hooked",
				List.of(new NewQuestion(QuestionType.NPS, true, "How likely are you to recommend us?", null, null)));
		this.surveys.publish(id);
		this.surveys.update(id, "Hooked", SurveySettings.DEFAULTS);
		return this.surveys.findById(id).orElseThrow();
	}

	private long respond(Survey survey) {
		String publicId = UUID.randomUUID().toString();
		this.responses.submit(new Submission(survey.id(), survey.currentVersion(), publicId,
				"hook-" + publicId.substring(0, 8), Channel.LINK, null, "en", Device.DESKTOP, Map.of(), null, Set.of(),
				Map.of(survey.questions().get(0).id(), List.of("9")), Map.of(), false, "10.0.9.1"));
		return this.jdbc.sql("SELECT id FROM survey_response WHERE public_id = ?")
			.param(publicId)
			.query(Long.class)
			.single();
	}

	private int count(String condition, List<Long> ids) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM survey_webhook_delivery WHERE " + condition + " AND response_id IN (:ids)")
			.param("ids", ids)
			.query(Integer.class)
			.single();
	}

}
