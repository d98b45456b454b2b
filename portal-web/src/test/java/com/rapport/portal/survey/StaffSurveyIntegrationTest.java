package com.rapport.portal.survey;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.rapport.community.member.Role;
import com.rapport.portal.support.FormToken;
import com.rapport.portal.support.PortalIntegrationTest;
import com.rapport.survey.survey.NewQuestion;
import com.rapport.survey.survey.QuestionType;
import com.rapport.survey.survey.Survey;
import com.rapport.survey.survey.SurveyService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The staff's survey pages: only staff reach them; a type change of an answered question
 * is refused with its reason; personal links answer once; the CSV export streams.
 */
class StaffSurveyIntegrationTest extends PortalIntegrationTest {

	private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

	@Autowired
	WebApplicationContext context;

	@Autowired
	SurveyService surveys;

	@Autowired
	FormTokens tokens;

	MockMvc mvc;

	String staff;

	String member;

	@BeforeEach
	void setUp() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
		this.staff = testData().member("surveyor", Role.STAFF).username();
		this.member = testData().member("curious").username();
	}

	@Test
	void onlyStaffReachTheSurveyBuilder() throws Exception {
		Survey survey = survey();
		this.mvc.perform(get("/staff/surveys")).andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/staff/surveys").with(user(this.member).roles("MEMBER")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/staff/surveys/{id}/close", survey.id()).with(user(this.member).roles("MEMBER"))
				.with(FormToken.from(this.mvc)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/staff/surveys").with(user(this.staff).roles("STAFF")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(survey.key())));
		this.mvc.perform(get("/staff/surveys/{id}", survey.id()).with(user(this.staff).roles("STAFF")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-survey=&quot;" + survey.key() + "&quot;")));
	}

	@Test
	void personalLinksAnswerOnceAndTheExportStreamsOneRowPerResponse() throws Exception {
		Survey survey = survey();
		String links = this.mvc
			.perform(post("/staff/surveys/{id}/links", survey.id()).param("count", "2")
				.with(user(this.staff).roles("STAFF"))
				.with(FormToken.from(this.mvc)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("text/csv")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> rows = links.lines().toList();
		assertThat(rows).hasSize(3);
		String link = rows.get(1).substring(rows.get(1).indexOf("/s/"));

		MvcResult page = this.mvc.perform(get(link)).andExpect(status().isOk()).andReturn();
		this.mvc
			.perform(post("/s/" + survey.key()).param("token", aged(page))
				.param("q" + survey.questions().get(0).id(), "8"))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get(link))
			.andExpect(status().isGone())
			.andExpect(content().string(containsString("already been used")));
		this.mvc.perform(get(link.substring(0, link.length() - 2) + "xx"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("This link is not valid.")));

		// once answered, its type can no longer change
		this.mvc
			.perform(post("/staff/surveys/{id}/questions/q1", survey.id()).param("type", "CSAT")
				.param("promptEn", "Satisfied?")
				.param("required", "true")
				.with(user(this.staff).roles("STAFF"))
				.with(FormToken.from(this.mvc)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("its type cannot change")));

		MvcResult export = this.mvc
			.perform(get("/staff/surveys/{id}/responses.csv", survey.id()).with(user(this.staff).roles("STAFF")))
			.andExpect(request().asyncStarted())
			.andReturn();
		String csv = this.mvc.perform(asyncDispatch(export))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString(survey.key() + "-responses.csv")))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFFresponse,status,version");
		assertThat(csv.split("\r\n")).hasSize(2);
		assertThat(csv.split("\r\n")[1]).contains("COMPLETE", "LINK").endsWith(",8");
	}

	private Survey survey() {
		String key = unique("st").toLowerCase().replace('_', '-');
		long id = this.surveys.create(key, "Staff test",
				List.of(new NewQuestion(QuestionType.NPS, true, "How likely are you to recommend us?", null, null)));
		this.surveys.publish(id);
		return this.surveys.findById(id).orElseThrow();
	}

	private String aged(MvcResult page) throws Exception {
		Matcher matcher = TOKEN.matcher(page.getResponse().getContentAsString());
		assertThat(matcher.find()).isTrue();
		AnswerContext context = this.tokens.verify(matcher.group(1));
		return this.tokens.issue(context.next(context.passed(), context.issuedAt() - 10_000));
	}

}
