package com.rapport.db.bench;

import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Posts, numbered 1..n within each topic, with raw text and its HTML. Several connections
 * insert disjoint runs of ids in parallel; every post's content comes from its own random
 * stream, so the data does not depend on which thread wrote it.
 */
final class PostStep implements DatasetStep {

	private static final String INSERT = "INSERT INTO post (id, topic_id, post_number, author_id, reply_to_post_id,"
			+ " raw, cooked, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

	@Override
	public long write(GenerationContext context) throws SQLException {
		GeneratorOptions options = context.options();
		int posts = context.plan().posts();
		int batch = options.batchSize();
		int chunks = (posts + batch - 1) / batch;
		Progress progress = context.progress("post", posts);
		AtomicInteger nextChunk = new AtomicInteger();
		AtomicBoolean failed = new AtomicBoolean();
		ExecutorService workers = Executors.newFixedThreadPool(options.threads());
		try {
			List<Future<Void>> results = new ArrayList<>();
			for (int worker = 0; worker < options.threads(); worker++) {
				results.add(workers.submit(() -> context.database().inBulkSession((connection) -> {
					try (BatchInsert rows = new BatchInsert(connection, connection.prepareStatement(INSERT), batch,
							progress)) {
						for (int chunk = nextChunk.getAndIncrement(); chunk < chunks
								&& !failed.get(); chunk = nextChunk.getAndIncrement()) {
							int last = (int) Math.min(posts, (long) (chunk + 1) * batch);
							for (int id = chunk * batch + 1; id <= last; id++) {
								addPost(rows, context, id);
							}
							rows.flush();
						}
					}
					catch (SQLException | RuntimeException ex) {
						failed.set(true);
						throw ex;
					}
					return null;
				})));
			}
			for (Future<Void> result : results) {
				await(result);
			}
		}
		finally {
			workers.shutdownNow();
		}
		return progress.finish();
	}

	private static void await(Future<Void> result) throws SQLException {
		try {
			result.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while inserting posts", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof SQLException sqlException) {
				throw sqlException;
			}
			throw new IllegalStateException("Inserting posts failed", ex.getCause());
		}
	}

	private static void addPost(BatchInsert rows, GenerationContext context, int id) throws SQLException {
		ForumPlan plan = context.plan();
		int index = plan.indexOf(id);
		int topic = plan.postTopic(index);
		int number = plan.postNumber(index);
		SplittableRandom random = Seeds.random(context.options().seed(), Seeds.POSTS, index);
		// replies are mostly in the topic's language and about its product, not always
		boolean opening = number == 1;
		Language language = (opening || random.nextInt(100) < 85) ? plan.topicLanguage(topic) : Texts.language(random);
		int product = (opening || random.nextInt(100) < 80) ? plan.topicProduct(topic)
				: random.nextInt(Language.productCount());
		String raw = Texts.body(language, product, random, opening ? 4 : 3);
		var statement = rows.statement();
		statement.setLong(1, id);
		statement.setLong(2, topic + 1);
		statement.setInt(3, number);
		statement.setLong(4, plan.postAuthor(index));
		if (!opening && random.nextInt(4) == 0) {
			statement.setLong(5, plan.postId(topic, 1 + random.nextInt(number - 1)));
		}
		else {
			statement.setNull(5, Types.BIGINT);
		}
		statement.setString(6, raw);
		statement.setString(7, Texts.cook(raw));
		statement.setObject(8, plan.postCreatedAt(index));
		statement.setObject(9,
				(random.nextInt(20) == 0) ? plan.postCreatedAt(index).plusSeconds(60 + random.nextInt(86_400)) : null);
		rows.add();
	}

}
