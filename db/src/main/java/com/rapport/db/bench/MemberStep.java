package com.rapport.db.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Members and their roles. Member 1 is "benchadmin" (MEMBER, MODERATOR, STAFF), the next
 * one in two thousand are moderators, and everyone signs in with {@value #PASSWORD}. All
 * join during the year before the first topic.
 */
final class MemberStep implements DatasetStep {

	/** The password of every generated member. */
	static final String PASSWORD = "bench-password-2026";

	/**
	 * BCrypt (cost 10) of {@link #PASSWORD}, computed once so generation stays fast, with
	 * the "{bcrypt}" prefix that the portal's DelegatingPasswordEncoder expects.
	 */
	private static final String PASSWORD_HASH = "{bcrypt}$2a$10$iEDoIhfoWOQxPwzyW7W01u2O/yJJWdheGWi1e5GVkWqbLaUpqt5MS";

	private static final String INSERT_MEMBER = "INSERT INTO member (id, username, email, display_name, password_hash,"
			+ " email_verified_at, bio, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private static final String INSERT_ROLE = "INSERT INTO member_role (member_id, role, granted_at, granted_by)"
			+ " VALUES (?, ?, ?, ?)";

	private static final int BENCH_ADMIN = 1;

	private static final int YEAR = 365 * 86_400;

	// username stem and display name, by language
	private static final List<List<String>> NAMES = List.of(
			List.of("alex", "Alex", "sam", "Sam", "jordan", "Jordan", "taylor", "Taylor", "morgan", "Morgan", "emma",
					"Emma", "liam", "Liam", "olivia", "Olivia", "noah", "Noah", "mia", "Mia"),
			List.of("wangwei", "王伟", "lina", "李娜", "zhangmin", "张敏", "liuyang", "刘洋", "chenjing", "陈静", "yangfan", "杨帆",
					"zhaolei", "赵磊", "huangli", "黄丽", "zhouxin", "周欣", "wujie", "吴杰"),
			List.of("olga", "Ольга", "dmitry", "Дмитрий", "anna", "Анна", "sergey", "Сергей", "elena", "Елена", "ivan",
					"Иван", "maria", "Мария", "alexey", "Алексей", "natalia", "Наталья", "pavel", "Павел"));

	private static final String EN_INITIALS = "ABCDEFGHIJKLMNOPRSTVWY";

	private static final String RU_INITIALS = "АБВГДЕЖЗИКЛМНОПРСТУФХЧШЯ";

	private static final List<String> BIOS = List.of("Early adopter, coffee lover, occasional tinkerer.",
			"喜欢数码产品，也喜欢分享使用心得。", "Люблю гаджеты, велосипеды и хороший звук.", "Audio nerd. Opinions are my own.",
			"在上海工作的工程师。", "Фотограф из Казани.");

	@Override
	public long write(GenerationContext context) throws SQLException {
		GeneratorOptions options = context.options();
		int members = options.members();
		int moderators = Math.max(1, members / 2000);
		Progress memberProgress = context.progress("member", members);
		Progress roleProgress = context.progress("member_role", members + 2L + Math.min(moderators, members - 1));
		context.database().inBulkSession((connection) -> {
			try (BatchInsert memberRows = new BatchInsert(connection, connection.prepareStatement(INSERT_MEMBER),
					options.batchSize(), memberProgress);
					BatchInsert roleRows = new BatchInsert(connection, connection.prepareStatement(INSERT_ROLE),
							options.batchSize(), roleProgress)) {
				for (int id = 1; id <= members; id++) {
					LocalDateTime joined = ForumPlan.EPOCH.minusSeconds(YEAR)
						.plusSeconds((long) (id - 1) * YEAR / members);
					addMember(memberRows, id, joined, Seeds.random(options.seed(), Seeds.MEMBERS, id));
					addRole(roleRows, id, "MEMBER", joined, null);
					if (id == BENCH_ADMIN) {
						addRole(roleRows, id, "MODERATOR", joined, null);
						addRole(roleRows, id, "STAFF", joined, null);
					}
					else if (id <= 1 + moderators) {
						addRole(roleRows, id, "MODERATOR", joined.plusDays(1), BENCH_ADMIN);
					}
				}
			}
			return null;
		});
		return memberProgress.finish() + roleProgress.finish();
	}

	private static void addMember(BatchInsert rows, int id, LocalDateTime joined, SplittableRandom random)
			throws SQLException {
		Language language = Texts.language(random);
		List<String> names = NAMES.get(language.ordinal());
		int name = random.nextInt(names.size() / 2) * 2;
		String username = (id == BENCH_ADMIN) ? "benchadmin" : names.get(name) + id;
		String displayName = (id == BENCH_ADMIN) ? "Bench Admin" : displayName(language, names.get(name + 1), random);
		var statement = rows.statement();
		statement.setLong(1, id);
		statement.setString(2, username);
		statement.setString(3, username + "@example.test");
		statement.setString(4, displayName);
		statement.setString(5, PASSWORD_HASH);
		// a few never confirmed their address
		statement.setObject(6, (random.nextInt(50) == 0) ? null : joined.plusSeconds(30 + random.nextInt(3600)));
		statement.setString(7, (random.nextInt(10) < 3) ? Texts.pick(BIOS, random) : null);
		statement.setObject(8, joined);
		statement.setObject(9, ForumPlan.EPOCH.plusSeconds(random.nextInt(900 * 86_400)));
		rows.add();
	}

	private static String displayName(Language language, String name, SplittableRandom random) {
		if (language == Language.ZH) {
			return name;
		}
		String initials = (language == Language.RU) ? RU_INITIALS : EN_INITIALS;
		return name + " " + initials.charAt(random.nextInt(initials.length())) + ".";
	}

	private static void addRole(BatchInsert rows, int memberId, String role, LocalDateTime grantedAt, Integer grantedBy)
			throws SQLException {
		var statement = rows.statement();
		statement.setLong(1, memberId);
		statement.setString(2, role);
		statement.setObject(3, grantedAt);
		if (grantedBy != null) {
			statement.setLong(4, grantedBy);
		}
		else {
			statement.setNull(4, Types.BIGINT);
		}
		rows.add();
	}

}
