package com.rapport.portal.support;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

import com.rapport.community.category.Access;
import com.rapport.community.category.Category;
import com.rapport.community.category.CategoryService;
import com.rapport.community.category.NewCategory;
import com.rapport.community.member.MemberService;
import com.rapport.community.member.Registration;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Builds the members and categories a test needs, each with a unique name, so tests
 * sharing one database never see each other's data.
 */
public final class TestData {

	/** The password of every member made here. */
	public static final String PASSWORD = "a long secret phrase";

	private final MemberService members;

	private final CategoryService categories;

	private final JdbcClient jdbc;

	TestData(MemberService members, CategoryService categories, JdbcClient jdbc) {
		this.members = members;
		this.categories = categories;
		this.jdbc = jdbc;
	}

	/**
	 * The id of a post.
	 * @param topicId the topic
	 * @param number the post's number in it (1 is the first post)
	 * @return the post's id
	 */
	public long postId(long topicId, int number) {
		return this.jdbc.sql("SELECT id FROM post WHERE topic_id = ? AND post_number = ?")
			.params(topicId, number)
			.query(Long.class)
			.single();
	}

	/**
	 * A member whose email address is confirmed.
	 * @param prefix the start of the username
	 * @param roles roles besides MEMBER
	 * @return the member as a viewer
	 */
	public Viewer member(String prefix, Role... roles) {
		String name = PortalIntegrationTest.unique(prefix);
		Set<Role> granted = (roles.length > 0) ? EnumSet.of(roles[0], roles) : EnumSet.noneOf(Role.class);
		long id = this.members.createVerified(new Registration(name, name + "@example.com", PASSWORD), granted);
		granted.add(Role.MEMBER);
		return new Viewer(id, name, granted, true);
	}

	/**
	 * A discussion category.
	 * @param name its name (the slug is made unique from it)
	 * @param read who may read
	 * @param create who may start topics (and reply)
	 * @return the category
	 */
	public Category category(String name, Access read, Access create) {
		String slug = PortalIntegrationTest.unique("c").toLowerCase().replace('_', '-');
		long id = asStaff(() -> this.categories
			.create(new NewCategory(null, slug, name, "", "#2f6f4f", "DISCUSSION", read, create, create)));
		return this.categories.findById(id, new Viewer(0L, "test", Set.of(Role.STAFF), true)).orElseThrow();
	}

	/**
	 * Runs staff-only service calls outside a web request.
	 * @param work the calls
	 * @param <T> what they return
	 * @return their result
	 */
	public static <T> T asStaff(Supplier<T> work) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("test-staff", null,
					AuthorityUtils.createAuthorityList("ROLE_STAFF")));
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
