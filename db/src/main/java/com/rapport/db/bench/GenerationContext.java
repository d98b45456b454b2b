package com.rapport.db.bench;

import java.io.PrintStream;

/**
 * What every {@link DatasetStep} needs.
 *
 * @param options the command line
 * @param plan the forum's shape, decided up front
 * @param database where to write
 * @param out where to print progress
 */
record GenerationContext(GeneratorOptions options, ForumPlan plan, Database database, PrintStream out) {

	Progress progress(String table, long total) {
		return new Progress(table, total, this.out);
	}

}
