package com.rapport.community.followup;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.rapport.community.CommunityIntegrationTest;
import com.rapport.community.CommunityTestApplication.MutableClock;
import com.rapport.community.category.Access;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.community.message.Conversations;
import com.rapport.community.notification.NotificationKind;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.TopicService;
import com.rapport.survey.response.Channel;
import com.rapport.survey.response.Device;
import com.rapport.survey.response.MemberRespondents;
import com.rapport.survey.response.ResponseService;
import com.rapport.survey.response.RespondentData;
import com.rapport.survey.response.Submission;
import com.rapport.survey.response.SurveySecrets;
import com.rapport.survey.survey.Condition;
import com.rapport.survey.survey.DisplayMode;
import com.rapport.survey.survey.Localized;
import com.rapport.survey.survey.NewQuestion;
import com.rapport.survey.survey.QuestionType;
import com.rapport.survey.survey.Survey;
import com.rapport.survey.survey.SurveyService;
import com.rapport.survey.survey.SurveySettings;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FollowUpsIntegrationTest extends CommunityIntegrationTest {

	private static final AtomicInteger ADDRESS = new AtomicInteger();

	@Autowired
	FollowUps followUps;

	@Autowired
	FollowUpStats stats;

	@Autowired
	SurveyService surveys;

	@Autowired
	ResponseService responses;

	@Autowired
	MemberRespondents memberRespondents;

	@Autowired
	SurveySecrets secrets;

	@Autowired
	RespondentData respondentData;

	@Autowired
	TopicService topics;

	@Autowired
	Conversations conversations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Test
	void aDetractorsResponseOpensAFollowUpWithTheirCommentAndAPromotersDoesNot() {
		Survey survey = npsSurvey();
		Viewer customer = verifiedMember();
		answer(survey, this.memberRespondents.hashFor(customer.memberId()), 3, "Delivery took three weeks", Map.of());
		answer(survey, this.secrets.hashRespondent("r:happy"), 10, null, Map.of());
		answer(survey, this.secrets.hashRespondent("r:shop-42"), 6, null, Map.of("email", "ana@example.com"));

		Viewer staff = verifiedMember(Role.STAFF);
		List<FollowUp> opened = this.followUps
			.list(staff, new FollowUpFilter(FollowUpStatus.OPEN, null, false, FollowUpSource.RESPONSE), null)
			.stream()
			.filter((f) -> survey.id() == f.surveyId())
			.toList();
		assertThat(opened).extracting(FollowUp::score).containsExactly(6, 3);
		FollowUp member = opened.get(1);
		assertThat(member.memberUsername()).isEqualTo(customer.username());
		assertThat(member.excerpt()).isEqualTo("Delivery took three weeks");
		assertThat(member.canMessage()).isTrue();
		assertThat(member.dueAt()).isEqualTo(member.createdAt().plus(Duration.ofHours(48)));
		assertThat(this.followUps.answers(staff, member, "en")).extracting(FollowUpAnswer::number)
			.containsExactly(3, null);
		FollowUp anonymous = opened.get(0);
		assertThat(anonymous.memberUsername()).isNull();
		assertThat(anonymous.contactEmail()).as("the host page's email field").isEqualTo("ana@example.com");
		assertThat(this.followUps.timeline(staff, member.id())).extracting(FollowUpEvent::kind)
			.containsExactly(FollowUpEventKind.OPENED);

		assertThat(this.respondentData.deleteRespondent("shop-42")).isEqualTo(1);
		assertThat(this.followUps.find(staff, anonymous.id())).as("deleted with the respondent's other data").isEmpty();
	}

	@Test
	void detractorsWhoseAnswersAreWrittenTogetherEachGetOneFollowUp() throws Exception {
		// one step (no follow-up question): each answer completes its response, and the
		// answers sent at once are written together, several responses per transaction
		NewQuestion nps = new NewQuestion(QuestionType.NPS, true, "How likely are you to recommend us?", null, null);
		long id = this.surveys.create(unique("fu").toLowerCase().replace('_', '-'), "One-step NPS", List.of(nps));
		this.surveys.publish(id);
		Survey survey = this.surveys.findById(id).orElseThrow();
		Viewer customer = verifiedMember();
		String memberHash = this.memberRespondents.hashFor(customer.memberId());
		var pool = java.util.concurrent.Executors.newFixedThreadPool(12);
		try {
			List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
			for (int i = 0; i < 24; i++) {
				int score = i % 11;
				String respondent = (i == 0) ? memberHash : this.secrets.hashRespondent("r:together-" + i + "-" + id);
				Map<String, String> hidden = (i == 1) ? Map.of("email", "bo@example.com") : Map.of();
				sent.add(pool.submit(() -> answer(survey, respondent, score, null, hidden)));
			}
			for (var answer : sent) {
				answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdown();
		}
		Viewer staff = verifiedMember(Role.STAFF);
		List<FollowUp> opened = this.followUps
			.list(staff, new FollowUpFilter(FollowUpStatus.OPEN, null, false, FollowUpSource.RESPONSE), null)
			.stream()
			.filter((f) -> survey.id() == f.surveyId())
			.toList();
		// scores 0–6 of the 24 answers (i % 11): 7 + 7 + 2
		assertThat(opened).hasSize(16);
		assertThat(opened).extracting(FollowUp::score).allMatch((score) -> score <= 6);
		assertThat(opened).filteredOn((f) -> customer.username().equals(f.memberUsername())).hasSize(1);
		assertThat(opened).filteredOn((f) -> "bo@example.com".equals(f.contactEmail())).hasSize(1);
		for (FollowUp followUp : opened) {
			assertThat(this.followUps.timeline(staff, followUp.id())).extracting(FollowUpEvent::kind)
				.containsExactly(FollowUpEventKind.OPENED);
		}
	}

	@Test
	void aCustomersAngryPostOpensAFollowUpButAStaffMembersDoesNot() {
		long category = newCategory(Access.ANYONE);
		Viewer customer = verifiedMember();
		Viewer staff = verifiedMember(Role.STAFF);
		long angry = this.topics
			.startTopic(customer,
					new NewTopic(category, "Worst purchase ever",
							"This is terrible. The tent leaked on the first night and support ignored me. Awful!"))
			.id();
		long calm = this.topics
			.startTopic(customer, new NewTopic(category, "Tent pegs", "Which pegs work best on sand? Thanks!"))
			.id();
		long staffAngry = this.topics
			.startTopic(staff,
					new NewTopic(category, "Outage report", "Terrible night: the awful outage broke checkout. Sorry!"))
			.id();

		List<Long> topicsFollowed = this.followUps
			.list(staff, new FollowUpFilter(null, null, false, FollowUpSource.POST), null)
			.stream()
			.map(FollowUp::topicId)
			.toList();
		assertThat(topicsFollowed).contains(angry).doesNotContain(calm, staffAngry);
	}

	@Test
	void staffWriteToTheMemberAndTheMembersAnswerComesBackToTheOwner() {
		Survey survey = npsSurvey();
		Viewer customer = verifiedMember();
		answer(survey, this.memberRespondents.hashFor(customer.memberId()), 2, "Broken on arrival", Map.of());
		Viewer staff = verifiedMember(Role.STAFF);
		FollowUp followUp = latest(staff, survey);

		this.followUps.assign(staff, followUp.id(), staff.memberId());
		this.followUps.sendMessage(staff, followUp.id(), "About your order", "Sorry about that. Can we replace it?");
		FollowUp contacted = this.followUps.find(staff, followUp.id()).orElseThrow();
		assertThat(contacted.status()).isEqualTo(FollowUpStatus.CONTACTED);
		assertThat(contacted.contactedAt()).isNotNull();
		assertThat(contacted.conversationId()).isNotNull();

		this.conversations.reply(customer, contacted.conversationId(), "Yes please, a replacement would be great.");
		assertThat(this.followUps.timeline(staff, followUp.id())).extracting(FollowUpEvent::kind)
			.containsExactly(FollowUpEventKind.OPENED, FollowUpEventKind.ASSIGNED, FollowUpEventKind.MESSAGE,
					FollowUpEventKind.REPLY);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM notification WHERE member_id = ? AND kind = ?")
			.params(staff.memberId(), NotificationKind.FOLLOW_UP_REPLY.name())
			.query(Integer.class)
			.single()).as("the owner is told once, by the private message itself").isZero();

		this.followUps.sendMessage(staff, followUp.id(), null, "Shipped today.");
		assertThat(this.followUps.find(staff, followUp.id()).orElseThrow().conversationId())
			.as("later messages continue the same conversation")
			.isEqualTo(contacted.conversationId());
	}

	@Test
	void closingNeedsStaffAndGivingUpNeedsANote() {
		Survey survey = npsSurvey();
		answer(survey, this.secrets.hashRespondent("r:" + UUID.randomUUID()), 0, null, Map.of());
		Viewer staff = verifiedMember(Role.STAFF);
		Viewer moderator = verifiedMember(Role.MODERATOR);
		FollowUp followUp = latest(staff, survey);

		assertThatThrownBy(() -> this.followUps.changeStatus(moderator, followUp.id(), FollowUpStatus.RESOLVED, null))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.followUps.changeStatus(staff, followUp.id(), FollowUpStatus.WONT_FIX, " "))
			.isInstanceOf(RejectedException.class);
		assertThatThrownBy(() -> this.followUps.assign(staff, followUp.id(), moderator.memberId()))
			.as("only staff own follow-ups")
			.isInstanceOf(RejectedException.class);
		assertThatThrownBy(() -> this.followUps.sendMessage(staff, followUp.id(), "Hi", "Hello"))
			.as("an anonymous respondent has no inbox")
			.isInstanceOf(RejectedException.class);
		assertThat(this.followUps.find(staff, followUp.id()).orElseThrow().status()).isEqualTo(FollowUpStatus.OPEN);

		this.followUps.changeStatus(staff, followUp.id(), FollowUpStatus.WONT_FIX, "Asked for a feature we dropped");
		FollowUp closed = this.followUps.find(staff, followUp.id()).orElseThrow();
		assertThat(closed.status()).isEqualTo(FollowUpStatus.WONT_FIX);
		assertThat(closed.closedAt()).isNotNull();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'followup.status' AND target_id = ?")
			.param(followUp.id())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theOverviewCountsDetractorsContactedInTimeAndHowTheyAnsweredLater() {
		Viewer staff = verifiedMember(Role.STAFF);
		Survey survey = npsSurvey();
		String fast = this.secrets.hashRespondent("r:" + UUID.randomUUID());
		String slow = this.secrets.hashRespondent("r:" + UUID.randomUUID());
		answer(survey, fast, 4, null, Map.of("email", "fast@example.com"));
		answer(survey, slow, 5, null, Map.of("email", "slow@example.com"));
		List<FollowUp> opened = this.followUps
			.list(staff, new FollowUpFilter(FollowUpStatus.OPEN, null, false, FollowUpSource.RESPONSE), null)
			.stream()
			.filter((f) -> survey.id() == f.surveyId())
			.toList();
		FollowUp slowOne = opened.get(0);
		FollowUp fastOne = opened.get(1);

		this.clock.advance(Duration.ofHours(3));
		this.followUps.recordEmail(staff, fastOne.id(), "Sorry! Here is what we changed.");
		this.clock.advance(Duration.ofHours(60));
		this.followUps.recordEmail(staff, slowOne.id(), "Sorry for the late answer.");
		answer(survey, fast, 9, null, Map.of());

		FollowUpOverview overview = this.stats.overview(staff, 90, survey.id());
		assertThat(overview.detractors()).isEqualTo(2);
		assertThat(overview.contactedWithin48h()).isEqualTo(1);
		assertThat(overview.contactedShare()).isEqualTo(50);
		assertThat(overview.reanswered()).isEqualTo(1);
		assertThat(overview.scoreBefore()).isEqualTo(4.0);
		assertThat(overview.scoreAfter()).isEqualTo(9.0);
		assertThat(overview.noLongerDetractors()).isEqualTo(1);
		assertThat(this.stats.overview(staff, 90, null).detractors()).as("all surveys together")
			.isGreaterThanOrEqualTo(2);
	}

	private FollowUp latest(Viewer staff, Survey survey) {
		return this.followUps.list(staff, FollowUpFilter.OPEN_WORK, null)
			.stream()
			.filter((f) -> survey.id() == f.surveyId())
			.findFirst()
			.orElseThrow();
	}

	private Survey npsSurvey() {
		NewQuestion nps = new NewQuestion(QuestionType.NPS, true, "How likely are you to recommend us?", null, null)
			.withLabels(new Localized("Not likely", null, null), new Localized("Very likely", null, null));
		NewQuestion why = new NewQuestion(QuestionType.TEXT, false, "What disappointed you?", null, null)
			.shownWhen(new Condition("q1", Condition.Operator.LE, 6));
		long id = this.surveys.create(unique("fu").toLowerCase().replace('_', '-'), "Follow-up NPS", List.of(nps, why));
		this.surveys.publish(id);
		// a respondent may answer again, as they would a survey sent every quarter
		this.surveys.update(id, "Follow-up NPS", new SurveySettings(DisplayMode.INLINE, List.of(), Localized.NONE, null,
				100, null, null, null, false, 0, null, null, null, null, null, null));
		return this.surveys.findById(id).orElseThrow();
	}

	private void answer(Survey survey, String respondent, int score, String comment, Map<String, String> hidden) {
		String publicId = UUID.randomUUID().toString();
		long nps = survey.questions().get(0).id();
		String address = "10.9." + (ADDRESS.incrementAndGet() / 250) + "." + (ADDRESS.get() % 250);
		var first = this.responses.submit(new Submission(survey.id(), survey.currentVersion(), publicId, respondent,
				Channel.LINK, null, "en", Device.DESKTOP, hidden, null, Set.of(), Map.of(nps, List.of("" + score)),
				Map.of(), false, address));
		if (!first.complete()) {
			long why = first.nextStep().get(0).id();
			this.responses.submit(new Submission(survey.id(), survey.currentVersion(), publicId, respondent,
					Channel.LINK, null, "en", Device.DESKTOP, hidden, null, first.passed(),
					(comment != null) ? Map.of(why, List.of(comment)) : Map.of(), Map.of(), false, address));
		}
	}

}
