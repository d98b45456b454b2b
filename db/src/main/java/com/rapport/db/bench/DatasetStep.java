package com.rapport.db.bench;

import java.sql.SQLException;

/**
 * One part of the dataset (members, categories, topics, posts, surveys...), written by
 * {@link DatasetGenerator} in order. A future step (survey responses) plugs in here.
 */
interface DatasetStep {

	/**
	 * Writes this step's rows.
	 * @param context the options, the forum plan and the database
	 * @return the number of rows written
	 * @throws SQLException if writing fails
	 */
	long write(GenerationContext context) throws SQLException;

}
