package com.rapport.db.bench;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the rows of one table as they are written (from any thread) and prints a line
 * every tenth of the total (at most).
 */
final class Progress {

	// small tables print their total only
	private static final long PRINT_STEP_MIN = 50_000;

	private final String table;

	private final long total;

	private final PrintStream out;

	private final long started = System.nanoTime();

	private final AtomicLong written = new AtomicLong();

	Progress(String table, long total, PrintStream out) {
		this.table = table;
		this.total = total;
		this.out = out;
	}

	void add(long rows) {
		long before = this.written.getAndAdd(rows);
		long after = before + rows;
		long step = Math.max(PRINT_STEP_MIN, this.total / 10);
		if (before / step != after / step && after < this.total) {
			print(after);
		}
	}

	/**
	 * Prints the final count of the table.
	 * @return the rows written
	 */
	long finish() {
		long rows = this.written.get();
		print(rows);
		return rows;
	}

	private void print(long rows) {
		double seconds = (System.nanoTime() - this.started) / 1e9;
		String of = (this.total > 0) ? String.format(Locale.ROOT, " / %,d", this.total) : "";
		this.out.println(String.format(Locale.ROOT, "  %-16s %,12d%s rows  %7.1f s  %,10.0f rows/s", this.table, rows,
				of, seconds, rows / Math.max(seconds, 1e-3)));
	}

}
