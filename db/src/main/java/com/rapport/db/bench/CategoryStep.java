package com.rapport.db.bench;

import java.sql.SQLException;
import java.util.List;

/**
 * Top-level categories with their final topic and post counts. Beyond the built-in list,
 * names repeat with a number.
 */
final class CategoryStep implements DatasetStep {

	private static final String INSERT = "INSERT INTO category (id, slug, name, description, position, topic_count,"
			+ " post_count, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

	// slug, name, description
	private static final List<String> CATEGORIES = List.of("announcements", "Announcements",
			"News from the Rapport team.", "general", "General discussion", "Anything about our products.", "help",
			"Help & support", "Ask the community and our staff.", "ideas", "Product ideas",
			"Suggest and vote on improvements.", "headphones", "Aurora headphones", "Sound, fit and firmware.",
			"networking", "Nimbus networking", "Routers, mesh and Wi-Fi.", "chinese", "中文社区", "用中文交流产品使用心得。", "russian",
			"Русскоязычный раздел", "Обсуждение продуктов на русском языке.", "wearables", "Orbit & Pulse wearables",
			"Watches, bands and <3 rate monitors.", "show-and-tell", "Show and tell", "Setups, photos and reviews.",
			"feedback", "Site feedback", "About this community.", "off-topic", "Off-topic", "Everything else.");

	private static final int FIELDS = 3;

	@Override
	public long write(GenerationContext context) throws SQLException {
		int categories = context.options().categories();
		ForumPlan plan = context.plan();
		Progress progress = context.progress("category", categories);
		int known = CATEGORIES.size() / FIELDS;
		context.database().inBulkSession((connection) -> {
			try (BatchInsert rows = new BatchInsert(connection, connection.prepareStatement(INSERT),
					context.options().batchSize(), progress)) {
				for (int category = 0; category < categories; category++) {
					int base = (category % known) * FIELDS;
					String suffix = (category < known) ? "" : "-" + (category / known + 1);
					var statement = rows.statement();
					statement.setLong(1, category + 1);
					statement.setString(2, CATEGORIES.get(base) + suffix);
					statement.setString(3, CATEGORIES.get(base + 1) + suffix.replace('-', ' '));
					statement.setString(4, CATEGORIES.get(base + 2));
					statement.setInt(5, category);
					statement.setInt(6, plan.categoryTopics(category));
					statement.setInt(7, plan.categoryPosts(category));
					statement.setObject(8, ForumPlan.EPOCH.minusDays(400).plusHours(category));
					rows.add();
				}
			}
			return null;
		});
		return progress.finish();
	}

}
