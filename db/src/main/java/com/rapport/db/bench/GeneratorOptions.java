package com.rapport.db.bench;

import java.util.Locale;

/**
 * The command line of {@link DatasetGenerator}.
 *
 * @param url the JDBC URL of an existing server, or null to start an embedded one
 * @param user the database user
 * @param password the database password
 * @param embeddedDir where the embedded server keeps its data, or null with a URL
 * @param members how many members
 * @param categories how many categories
 * @param topics how many topics
 * @param posts how many posts, at least one per topic
 * @param surveys how many surveys
 * @param seed the seed: the same seed and sizes give the same data
 * @param batchSize rows per batch and per transaction
 * @param threads connections that insert posts in parallel
 * @param verify whether to check the counters and print table checksums at the end
 */
record GeneratorOptions(String url, String user, String password, String embeddedDir, int members, int categories,
		int topics, int posts, int surveys, long seed, int batchSize, int threads, boolean verify) {

	static final String USAGE = """
			Usage: DatasetGenerator (--embedded DIR | --url JDBC_URL [--user U] [--password P]) [options]
			  --members N      members (default 20000)
			  --categories N   categories (default 10)
			  --topics N       topics (default 50000)
			  --posts N        posts, at least one per topic (default 1000000)
			  --surveys N      surveys with their questions (default 20)
			  --seed N         seed; the same seed and sizes give the same data (default 42)
			  --batch N        rows per batch insert and per commit (default 2000)
			  --threads N      connections inserting posts in parallel (default 2)
			  --verify         check the denormalised counters and print table checksums
			The password can also come from the environment variable BENCH_DB_PASSWORD.
			""";

	static GeneratorOptions parse(String[] args) {
		String url = null;
		String user = "root";
		String password = System.getenv().getOrDefault("BENCH_DB_PASSWORD", "");
		String embeddedDir = null;
		int members = 20_000;
		int categories = 10;
		int topics = 50_000;
		int posts = 1_000_000;
		int surveys = 20;
		long seed = 42;
		int batchSize = 2000;
		int threads = 2;
		boolean verify = false;
		for (int i = 0; i < args.length; i++) {
			String name = args[i];
			switch (name) {
				case "--url" -> url = value(args, ++i, name);
				case "--user" -> user = value(args, ++i, name);
				case "--password" -> password = value(args, ++i, name);
				case "--embedded" -> embeddedDir = value(args, ++i, name);
				case "--members" -> members = count(args, ++i, name, 1);
				case "--categories" -> categories = count(args, ++i, name, 1);
				case "--topics" -> topics = count(args, ++i, name, 1);
				case "--posts" -> posts = count(args, ++i, name, 1);
				case "--surveys" -> surveys = count(args, ++i, name, 0);
				case "--seed" -> seed = Long.parseLong(value(args, ++i, name));
				case "--batch" -> batchSize = count(args, ++i, name, 1);
				case "--threads" -> threads = count(args, ++i, name, 1);
				case "--verify" -> verify = true;
				default -> throw new IllegalArgumentException("Unknown option " + name);
			}
		}
		if ((url == null) == (embeddedDir == null)) {
			throw new IllegalArgumentException("Give exactly one of --url and --embedded");
		}
		if (posts < topics) {
			throw new IllegalArgumentException("Every topic needs a post: --posts must be at least --topics");
		}
		return new GeneratorOptions(url, user, password, embeddedDir, members, categories, topics, posts, surveys, seed,
				batchSize, threads, verify);
	}

	@Override
	public String toString() {
		return "GeneratorOptions[url=" + this.url + ", user=" + this.user + ", password=(hidden), embeddedDir="
				+ this.embeddedDir + ", members=" + this.members + ", categories=" + this.categories + ", topics="
				+ this.topics + ", posts=" + this.posts + ", surveys=" + this.surveys + ", seed=" + this.seed
				+ ", batchSize=" + this.batchSize + ", threads=" + this.threads + ", verify=" + this.verify + "]";
	}

	private static String value(String[] args, int index, String name) {
		if (index >= args.length) {
			throw new IllegalArgumentException("Missing value after " + name);
		}
		return args[index];
	}

	private static int count(String[] args, int index, String name, int min) {
		int value = Integer.parseInt(value(args, index, name).replace("_", ""));
		if (value < min) {
			throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be at least %d", name, min));
		}
		return value;
	}

}
