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
		checkCommon(command);
		checkParent(null, command.parentId());
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
					kind(command), command.readAccess().name(), command.createAccess().name(),
					command.replyAccess().name(), Timestamp.from(this.clock.instant()))
			.update(keys);
		return keys.getKeyAs(Number.class).longValue();
	}

	/**
	 * Every category, archived ones too, for staff to manage.
	 * @return categories, parents before their children
	 */
	@PreAuthorize("hasRole('STAFF')")
	public List<Category> all() {
		return this.jdbc.sql(SELECT + " ORDER BY COALESCE(parent_id, id), parent_id IS NOT NULL, position, id")
			.query(CategoryService::category)
			.list();
	}

	/**
	 * Changes a category's name, description, colour, parent, type and permissions. Its
	 * URL name stays, so links keep working.
	 * @param id the category
	 * @param command the new values (the slug in it is ignored)
	 */
	@PreAuthorize("hasRole('STAFF')")
	@Transactional
	public void update(long id, NewCategory command) {
		Category current = this.jdbc.sql(SELECT + " WHERE id = ? FOR UPDATE")
			.param(id)
			.query(CategoryService::category)
			.optional()
			.orElseThrow(() -> new RejectedException("category", "category.notFound"));
		checkCommon(command);
		checkParent(current.id(), command.parentId());
		this.jdbc
			.sql("UPDATE category SET parent_id = ?, name = ?, description = ?, color = ?, kind = ?, read_role = ?, "
					+ "create_role = ?, reply_role = ?, version = version + 1 WHERE id = ?")
			.params(command.parentId(), command.name().strip(),
					(command.description() != null) ? command.description().strip() : "", command.color(),
					kind(command), command.readAccess().name(), command.createAccess().name(),
					command.replyAccess().name(), id)
			.update();
	}

	/**
	 * Moves a category one place up or down among its siblings.
	 * @param id the category
	 * @param up true to move it up
	 */
	@PreAuthorize("hasRole('STAFF')")
	@Transactional
	public void move(long id, boolean up) {
		List<Category> siblings = all().stream()
			.filter((c) -> java.util.Objects.equals(c.parentId(), parentOf(id)))
			.sorted(java.util.Comparator.comparingInt(Category::position).thenComparingLong(Category::id))
			.toList();
		int index = -1;
		for (int i = 0; i < siblings.size(); i++) {
			if (siblings.get(i).id() == id) {
				index = i;
			}
		}
		int other = up ? index - 1 : index + 1;
		if (index < 0 || other < 0 || other >= siblings.size()) {
			return;
		}
		List<Category> ordered = new java.util.ArrayList<>(siblings);
		java.util.Collections.swap(ordered, index, other);
		for (int i = 0; i < ordered.size(); i++) {
			this.jdbc.sql("UPDATE category SET position = ? WHERE id = ?").params(i + 1, ordered.get(i).id()).update();
		}
	}

	/**
	 * Archives a category (read-only, out of the lists) or brings it back.
	 * @param id the category
	 * @param archived true to archive
	 */
	@PreAuthorize("hasRole('STAFF')")
	@Transactional
	public void archive(long id, boolean archived) {
		this.jdbc.sql("UPDATE category SET archived_at = ?, version = version + 1 WHERE id = ?")
			.params(archived ? Timestamp.from(this.clock.instant()) : null, id)
			.update();
	}

	private Long parentOf(long id) {
		return this.jdbc.sql("SELECT parent_id FROM category WHERE id = ?").param(id).query((rs, n) -> {
			long parent = rs.getLong(1);
			return rs.wasNull() ? null : parent;
		}).optional().orElse(null);
	}

	private void checkCommon(NewCategory command) {
		if (command.name() == null || command.name().isBlank() || command.name().strip().length() > 80) {
			throw new RejectedException("name", "category.name.invalid");
		}
		if (command.color() == null || !COLOR.matcher(command.color()).matches()) {
			throw new RejectedException("color", "category.color.invalid");
		}
		if (command.description() != null && command.description().length() > 500) {
			throw new RejectedException("description", "validation.tooLong");
		}
	}

	/**
	 * One level of subcategories: a parent is a top-level category, and a category with
	 * children stays top-level.
	 */
	private void checkParent(Long id, Long parentId) {
		if (parentId == null) {
			return;
		}
		if (parentId.equals(id) || parentOf(parentId) != null
				|| this.jdbc.sql("SELECT COUNT(*) FROM category WHERE id = ?")
					.param(parentId)
					.query(Integer.class)
					.single() == 0) {
			throw new RejectedException("parentId", "category.parent.invalid");
		}
		if (id != null && this.jdbc.sql("SELECT COUNT(*) FROM category WHERE parent_id = ?")
			.param(id)
			.query(Integer.class)
			.single() > 0) {
			throw new RejectedException("parentId", "category.parent.hasChildren");
		}
	}

	private static String kind(NewCategory command) {
		return "IDEAS".equals(command.kind()) ? "IDEAS" : "DISCUSSION";
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
