package com.rapport.db.bench;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The shape of the forum, decided before anything is written: which topic each post
 * belongs to, who wrote it and when. Knowing it up front lets topics and categories be
 * inserted with final counters, and posts be numbered in time order across all topics.
 * <p>
 * Posts are held in "topic-major" order (all posts of topic 0, then of topic 1, ...); a
 * post's id is its rank in time order, so ids grow with {@code created_at} as they would
 * in a live forum.
 */
final class ForumPlan {

	/** Content starts here; members join during the year before. */
	static final LocalDateTime EPOCH = LocalDateTime.of(2024, 1, 1, 0, 0);

	private static final int DAY = 86_400;

	private static final int TOPIC_SPAN_SECONDS = 913 * DAY;

	private static final int HORIZON_SECONDS = TOPIC_SPAN_SECONDS + 30 * DAY;

	private static final double MEAN_REPLY_GAP_SECONDS = 3 * 3600;

	private static final long MEMBER_SPREAD = 2_147_483_647L;

	private final int members;

	private final int[] firstPost;

	private final int[] topicCategory;

	private final byte[] topicLanguage;

	private final byte[] topicProduct;

	private final int[] postTopic;

	private final int[] postSecond;

	private final int[] postAuthor;

	private final int[] postIdByIndex;

	private final int[] postIndexById;

	private final int[] categoryTopics;

	private final int[] categoryPosts;

	private ForumPlan(GeneratorOptions options) {
		this.members = options.members();
		int topics = options.topics();
		int posts = options.posts();
		this.firstPost = firstPosts(postsPerTopic(options));
		this.topicCategory = new int[topics];
		this.topicLanguage = new byte[topics];
		this.topicProduct = new byte[topics];
		this.postTopic = new int[posts];
		this.postSecond = new int[posts];
		this.postAuthor = new int[posts];
		this.categoryTopics = new int[options.categories()];
		this.categoryPosts = new int[options.categories()];
		double slot = (double) TOPIC_SPAN_SECONDS / topics;
		for (int topic = 0; topic < topics; topic++) {
			SplittableRandom random = Seeds.random(options.seed(), Seeds.PLAN, topic);
			int category = (int) (options.categories() * Math.pow(random.nextDouble(), 1.5));
			this.topicCategory[topic] = category;
			this.topicLanguage[topic] = (byte) Texts.language(random).ordinal();
			this.topicProduct[topic] = (byte) random.nextInt(Language.productCount());
			int created = (int) (topic * slot + random.nextDouble() * slot);
			planPosts(topic, created, random);
			this.categoryTopics[category]++;
			this.categoryPosts[category] += postCount(topic);
		}
		this.postIdByIndex = new int[posts];
		this.postIndexById = new int[posts];
		numberInTimeOrder();
	}

	static ForumPlan create(GeneratorOptions options) {
		return new ForumPlan(options);
	}

	// every topic has its opening post; the replies go mostly to a few busy topics
	private static int[] postsPerTopic(GeneratorOptions options) {
		int topics = options.topics();
		int[] counts = new int[topics];
		Arrays.fill(counts, 1);
		SplittableRandom random = Seeds.random(options.seed(), Seeds.PLAN, -1);
		for (int reply = options.posts() - topics; reply > 0; reply--) {
			double roll = random.nextDouble();
			counts[(int) (topics * roll * roll)]++;
		}
		for (int i = topics - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int swap = counts[i];
			counts[i] = counts[j];
			counts[j] = swap;
		}
		return counts;
	}

	private static int[] firstPosts(int[] counts) {
		int[] first = new int[counts.length + 1];
		for (int topic = 0; topic < counts.length; topic++) {
			first[topic + 1] = first[topic] + counts[topic];
		}
		return first;
	}

	private void planPosts(int topic, int created, SplittableRandom random) {
		int first = this.firstPost[topic];
		int count = postCount(topic);
		double[] gaps = new double[count];
		double total = 0;
		for (int i = 1; i < count; i++) {
			gaps[i] = 60 + -Math.log(1 - random.nextDouble()) * MEAN_REPLY_GAP_SECONDS;
			total += gaps[i];
		}
		// busy topics started late are squeezed so that nothing is dated after the
		// horizon
		double scale = Math.min(1.0, (HORIZON_SECONDS - created) / Math.max(total, 1.0));
		int second = created;
		for (int i = 0; i < count; i++) {
			second += (i == 0) ? 0 : Math.max(1, (int) (gaps[i] * scale));
			this.postTopic[first + i] = topic;
			this.postSecond[first + i] = second;
			this.postAuthor[first + i] = member(random);
		}
	}

	// a few members write much of the content; rank r maps to a member spread over the
	// ids
	int member(SplittableRandom random) {
		double roll = random.nextDouble();
		long rank = (long) (this.members * roll * roll);
		return (int) ((rank * MEMBER_SPREAD + 7) % this.members) + 1;
	}

	private void numberInTimeOrder() {
		int posts = this.postSecond.length;
		int indexBits = 64 - Long.numberOfLeadingZeros(posts);
		long[] keys = new long[posts];
		for (int index = 0; index < posts; index++) {
			keys[index] = ((long) this.postSecond[index] << indexBits) | index;
		}
		Arrays.sort(keys);
		long mask = (1L << indexBits) - 1;
		for (int rank = 0; rank < posts; rank++) {
			int index = (int) (keys[rank] & mask);
			this.postIdByIndex[index] = rank + 1;
			this.postIndexById[rank] = index;
		}
	}

	int topics() {
		return this.topicCategory.length;
	}

	int posts() {
		return this.postSecond.length;
	}

	int categoryTopics(int category) {
		return this.categoryTopics[category];
	}

	int categoryPosts(int category) {
		return this.categoryPosts[category];
	}

	int topicCategory(int topic) {
		return this.topicCategory[topic];
	}

	Language topicLanguage(int topic) {
		return Language.values()[this.topicLanguage[topic]];
	}

	int topicProduct(int topic) {
		return this.topicProduct[topic];
	}

	int postCount(int topic) {
		return this.firstPost[topic + 1] - this.firstPost[topic];
	}

	int topicAuthor(int topic) {
		return this.postAuthor[this.firstPost[topic]];
	}

	LocalDateTime topicCreatedAt(int topic) {
		return at(this.postSecond[this.firstPost[topic]]);
	}

	int lastPoster(int topic) {
		return this.postAuthor[this.firstPost[topic + 1] - 1];
	}

	LocalDateTime lastPostedAt(int topic) {
		return at(this.postSecond[this.firstPost[topic + 1] - 1]);
	}

	/**
	 * The topic-major index of the post with this id.
	 * @param postId the post id, from 1
	 * @return the index
	 */
	int indexOf(int postId) {
		return this.postIndexById[postId - 1];
	}

	int postTopic(int index) {
		return this.postTopic[index];
	}

	int postNumber(int index) {
		return index - this.firstPost[this.postTopic[index]] + 1;
	}

	int postAuthor(int index) {
		return this.postAuthor[index];
	}

	LocalDateTime postCreatedAt(int index) {
		return at(this.postSecond[index]);
	}

	/**
	 * The id of a post of a topic.
	 * @param topic the topic index
	 * @param postNumber the post's number in the topic, from 1
	 * @return the post id
	 */
	int postId(int topic, int postNumber) {
		return this.postIdByIndex[this.firstPost[topic] + postNumber - 1];
	}

	static LocalDateTime at(long secondsAfterEpoch) {
		return EPOCH.plusSeconds(secondsAfterEpoch);
	}

}
