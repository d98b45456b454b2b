package com.rapport.portal.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.rapport.community.category.Access;
import com.rapport.community.category.CategoryService;
import com.rapport.community.category.NewCategory;
import com.rapport.community.idea.IdeaBoard;
import com.rapport.community.idea.IdeaStatus;
import com.rapport.community.member.MemberService;
import com.rapport.community.member.Registration;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.community.tag.Tags;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.TopicRef;
import com.rapport.community.topic.TopicService;
import com.rapport.survey.survey.DisplayMode;
import com.rapport.survey.survey.NewQuestion;
import com.rapport.survey.survey.QuestionType;
import com.rapport.survey.survey.SurveyService;
import com.rapport.survey.survey.SurveySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The demo brand "Northwind Outfitters": categories, members, topics in English, Chinese
 * and Russian, and the published NPS survey {@code demo-nps}. Created once, on the first
 * start with the {@code demo} profile; later starts find the {@code staff} account and
 * leave everything as it is.
 */
@Component
@Profile("demo")
@Order(1)
class DemoData implements ApplicationRunner {

	static final String PASSWORD = "Rapport-demo-2026";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final MemberService members;

	private final CategoryService categories;

	private final TopicService topics;

	private final SurveyService surveys;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Tags tags;

	private final IdeaBoard ideas;

	DemoData(MemberService members, CategoryService categories, TopicService topics, SurveyService surveys,
			JdbcClient jdbc, Clock clock, Tags tags, IdeaBoard ideas) {
		this.tags = tags;
		this.ideas = ideas;
		this.members = members;
		this.categories = categories;
		this.topics = topics;
		this.surveys = surveys;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.members.findByUsername("staff").isPresent()) {
			return;
		}
		long started = System.nanoTime();
		var context = SecurityContextHolder.getContext();
		try {
			SecurityContextHolder.getContext()
				.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("demo-loader", null,
						AuthorityUtils.createAuthorityList("ROLE_STAFF")));
			load();
		}
		finally {
			SecurityContextHolder.clearContext();
			SecurityContextHolder.setContext(context);
		}
		log.info("Demo data loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

	private void load() {
		this.jdbc.sql(
				"UPDATE brand SET name = 'Northwind Outfitters', accent_color = '#2f6f4f', version = version + 1 WHERE id = 1")
			.update();
		Map<String, Viewer> people = createMembers();
		Map<String, Long> cats = createCategories();
		Instant now = this.clock.instant();
		createTags(people.get("staff"));
		int age = 0;
		for (DemoTopic demo : DemoContent.TOPICS) {
			Viewer author = people.get(demo.author());
			TopicRef ref = this.tags.startTopic(author,
					new NewTopic(cats.get(demo.category()), demo.title(), demo.body()),
					DemoContent.TAGS.getOrDefault(demo.title(), ""));
			for (String[] reply : demo.replies()) {
				this.topics.reply(people.get(reply[0]), ref.id(), reply[1], null);
			}
			backdate(ref.id(), now.minus(Duration.ofHours(5L + age * 7L)));
			age++;
		}
		createIdeas(people, now);
		long survey = this.surveys.create("demo-nps", "Northwind NPS",
				List.of(new NewQuestion(QuestionType.NPS, true,
						"How likely are you to recommend Northwind Outfitters to a friend or colleague?",
						"您向朋友或同事推荐 Northwind Outfitters 的可能性有多大？",
						"Насколько вероятно, что вы порекомендуете Northwind Outfitters другу или коллеге?"),
						new NewQuestion(QuestionType.TEXT, false, "What is the main reason for your score?",
								"您给出这个分数的主要原因是什么？", "Какова главная причина вашей оценки?")));
		this.surveys.publish(survey);
		// the demo portal itself may embed it, to try the snippet on a local page
		this.surveys.update(survey, "Northwind NPS",
				new SurveySettings(DisplayMode.INLINE, List.of("http://localhost:8080", "http://127.0.0.1:8080"), null,
						null, 100, null, null, null, true, 0, null, null, null, null, null, null));
	}

	/**
	 * The tags of the demo topics, made by staff: the regulars who write the demo topics
	 * may pick existing tags but not create new ones.
	 */
	private void createTags(Viewer staff) {
		DemoContent.TAGS.values()
			.stream()
			.flatMap((list) -> this.tags.check(staff, list).stream())
			.distinct()
			.forEach((name) -> this.jdbc.sql("INSERT INTO tag (name, created_by, created_at) VALUES (?, ?, ?)")
				.params(name, staff.memberId(), Timestamp.from(this.clock.instant()))
				.update());
	}

	/**
	 * The idea board: ideas with votes from the regulars (and one from the "member"
	 * account), and the statuses staff gave them, which tell the voters.
	 */
	private void createIdeas(Map<String, Viewer> people, Instant now) {
		DemoCategory c = DemoContent.IDEA_BOARD;
		long board = this.categories.create(new NewCategory(null, c.slug(), c.name(), c.description(), c.color(),
				IdeaBoard.KIND, c.read(), c.create(), Access.MEMBER));
		List<Viewer> regulars = DemoContent.MEMBERS.stream().map(people::get).toList();
		int age = 0;
		for (DemoIdea demo : DemoContent.IDEAS) {
			TopicRef ref = this.topics.startTopic(people.get(demo.author()),
					new NewTopic(board, demo.title(), demo.body()));
			for (int i = 0; i < demo.votes(); i++) {
				this.ideas.vote(regulars.get((i + age * 5) % regulars.size()), ref.id());
			}
			if (age == 0) {
				this.ideas.vote(people.get("member"), ref.id());
			}
			backdate(ref.id(), now.minus(Duration.ofHours(30L + age * 11L)));
			if (demo.status() != null) {
				this.ideas.setStatus(people.get("staff"), ref.id(), Optional.of(IdeaStatus.valueOf(demo.status())));
			}
			age++;
		}
	}

	private Map<String, Viewer> createMembers() {
		Map<String, Viewer> people = new LinkedHashMap<>();
		people.put("staff", create("staff", Set.of(Role.MODERATOR, Role.STAFF)));
		people.put("moderator", create("moderator", Set.of(Role.MODERATOR)));
		people.put("member", create("member", Set.of()));
		for (String name : DemoContent.MEMBERS) {
			people.put(name, create(name, Set.of()));
			// regulars of the demo community: their posts need no approval (the "member"
			// account stays new, to show a post awaiting approval)
			this.jdbc.sql("UPDATE member SET trust_level = 1 WHERE username = ?").param(name).update();
		}
		return people;
	}

	private Viewer create(String username, Set<Role> roles) {
		long id = this.members.createVerified(new Registration(username, username + "@demo.rapport.invalid", PASSWORD),
				roles);
		Set<Role> all = new java.util.HashSet<>(roles);
		all.add(Role.MEMBER);
		return new Viewer(id, username, all, true);
	}

	private Map<String, Long> createCategories() {
		Map<String, Long> ids = new LinkedHashMap<>();
		for (DemoCategory c : DemoContent.CATEGORIES) {
			ids.put(c.slug(), this.categories.create(new NewCategory(null, c.slug(), c.name(), c.description(),
					c.color(), "DISCUSSION", c.read(), c.create(), Access.MEMBER)));
		}
		return ids;
	}

	/**
	 * Spreads the demo topics over the past weeks so the lists look lived in.
	 */
	private void backdate(long topicId, Instant start) {
		List<Long> posts = new ArrayList<>(this.jdbc.sql("SELECT id FROM post WHERE topic_id = ? ORDER BY post_number")
			.param(topicId)
			.query(Long.class)
			.list());
		Instant at = start;
		for (Long post : posts) {
			this.jdbc.sql("UPDATE post SET created_at = ? WHERE id = ?").params(Timestamp.from(at), post).update();
			at = at.plus(Duration.ofMinutes(47));
		}
		this.jdbc.sql("UPDATE topic SET created_at = ?, last_posted_at = ? WHERE id = ?")
			.params(Timestamp.from(start), Timestamp.from(at.minus(Duration.ofMinutes(47))), topicId)
			.update();
	}

	record DemoCategory(String slug, String name, String description, String color, Access read, Access create) {
	}

	record DemoTopic(String category, String author, String title, String body, List<String[]> replies) {
	}

	record DemoIdea(String author, String title, String body, int votes, String status) {
	}

}
