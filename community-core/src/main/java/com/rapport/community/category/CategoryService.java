package com.rapport.community.category;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and manages categories, always through the eyes of a {@link Viewer} so a private
 * category never shows to someone who may not read it.
 */
@Service
public class CategoryService {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");

	private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

	private static final String SELECT = """
			SELECT id, parent_id, slug, name, description, color, position, kind, read_role, create_role,
			       reply_role, topic_count, post_count, archived_at
			FROM category
			""";

	private final JdbcClient jdbc;

	private final Clock clock;

	CategoryService(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The categories a viewer may read, parents before their children, in staff's order.
	 * @param viewer who looks
	 * @return readable categories
	 */
	public List<Category> visibleTo(Viewer viewer) {
		return this.jdbc.sql(SELECT + " ORDER BY COALESCE(parent_id, id), parent_id IS NOT NULL, position, id")
			.query(CategoryService::category)
			.list()
			.stream()
			.filter((category) -> category.readableBy(viewer))
			.toList();
	}

	public Optional<Category> findBySlug(String slug, Viewer viewer) {
		return this.jdbc.sql(SELECT + " WHERE slug = ?")
			.param(slug)
			.query(CategoryService::category)
			.optional()
			.filter((category) -> category.readableBy(viewer));
	}

	public Optional<Category> findById(long id, Viewer viewer) {
		return this.jdbc.sql(SELECT + " WHERE id = ?")
			.param(id)
			.query(CategoryService::category)
			.optional()
			.filter((category) -> category.readableBy(viewer));
	}

	/**
	 * Creates a category. Only staff may.
	 * @param command what staff entered
	 * @return the new category's id
	 */
	@PreAuthorize("hasRole('STAFF')")
	@Transactional
	public long create(NewCategory command) {
		if (command.slug() == null || !SLUG.matcher(command.slug()).matches()) {
			throw new RejectedException("slug", "category.slug.invalid");
		}
		if (command.color() == null || !COLOR.matcher(command.color()).matches()) {
			throw new RejectedException("color", "category.color.invalid");
		}
		if (this.jdbc.sql("SELECT COUNT(*) FROM category WHERE slug = ?")
			.param(command.slug())
			.query(Integer.class)
			.single() > 0) {
			throw new RejectedException("slug", "category.slug.taken");
		}
		var keys = new GeneratedKeyHolder();
		int position = this.jdbc.sql("SELECT COALESCE(MAX(position), 0) + 1 FROM category")
			.query(Integer.class)
			.single();
		this.jdbc
			.sql("INSERT INTO category (parent_id, slug, name, description, color, position, kind, read_role, "
					+ "create_role, reply_role, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(command.parentId(), command.slug(), command.name(),
					(command.description() != null) ? command.description() : "", command.color(), position,
					(command.kind() != null) ? command.kind() : "DISCUSSION", command.readAccess().name(),
					command.createAccess().name(), command.replyAccess().name(), Timestamp.from(this.clock.instant()))
			.update(keys);
		return keys.getKeyAs(Number.class).longValue();
	}

	private static Category category(ResultSet rs, int row) throws SQLException {
		long parent = rs.getLong("parent_id");
		return new Category(rs.getLong("id"), rs.wasNull() ? null : parent, rs.getString("slug"), rs.getString("name"),
				rs.getString("description"), rs.getString("color"), rs.getInt("position"), rs.getString("kind"),
				Access.valueOf(rs.getString("read_role")), Access.valueOf(rs.getString("create_role")),
				Access.valueOf(rs.getString("reply_role")), rs.getInt("topic_count"), rs.getInt("post_count"),
				rs.getTimestamp("archived_at") != null);
	}

}
