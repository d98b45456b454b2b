package com.rapport.db.bench;

import java.sql.SQLException;
import java.util.SplittableRandom;

/**
 * Topics with their final counters: {@code reply_count} is the number of posts less the
 * opening one, {@code last_posted_at} and {@code last_poster_id} are those of the last
 * post. Topic ids follow creation time.
 */
final class TopicStep implements DatasetStep {

	private static final String INSERT = "INSERT INTO topic (id, category_id, author_id, title, slug, created_at,"
			+ " last_posted_at, last_poster_id, reply_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

	@Override
	public long write(GenerationContext context) throws SQLException {
		ForumPlan plan = context.plan();
		long seed = context.options().seed();
		Progress progress = context.progress("topic", plan.topics());
		context.database().inBulkSession((connection) -> {
			try (BatchInsert rows = new BatchInsert(connection, connection.prepareStatement(INSERT),
					context.options().batchSize(), progress)) {
				for (int topic = 0; topic < plan.topics(); topic++) {
					SplittableRandom random = Seeds.random(seed, Seeds.TOPICS, topic);
					String title = Texts.title(plan.topicLanguage(topic), plan.topicProduct(topic), random);
					var statement = rows.statement();
					statement.setLong(1, topic + 1);
					statement.setLong(2, plan.topicCategory(topic) + 1);
					statement.setLong(3, plan.topicAuthor(topic));
					statement.setString(4, title);
					statement.setString(5, Texts.slug(title));
					statement.setObject(6, plan.topicCreatedAt(topic));
					statement.setObject(7, plan.lastPostedAt(topic));
					statement.setLong(8, plan.lastPoster(topic));
					statement.setInt(9, plan.postCount(topic) - 1);
					rows.add();
				}
			}
			return null;
		});
		return progress.finish();
	}

}
