package com.rapport.db.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Adds rows to a JDBC batch and sends and commits it every {@code batchSize} rows, so the
 * server receives multi-row INSERTs and no transaction grows large.
 */
final class BatchInsert implements AutoCloseable {

	private final Connection connection;

	private final PreparedStatement statement;

	private final int batchSize;

	private final Progress progress;

	private int pending;

	/**
	 * Takes over a prepared INSERT: the caller sets the parameters of a row on
	 * {@link #statement()} and then calls {@link #add()}.
	 * @param connection the statement's connection, with autocommit off
	 * @param statement the INSERT, closed with this object
	 * @param batchSize rows per batch and per commit
	 * @param progress where to count the rows written
	 */
	BatchInsert(Connection connection, PreparedStatement statement, int batchSize, Progress progress) {
		this.connection = connection;
		this.statement = statement;
		this.batchSize = batchSize;
		this.progress = progress;
	}

	PreparedStatement statement() {
		return this.statement;
	}

	void add() throws SQLException {
		this.statement.addBatch();
		this.pending++;
		if (this.pending >= this.batchSize) {
			flush();
		}
	}

	void flush() throws SQLException {
		if (this.pending > 0) {
			this.statement.executeBatch();
			this.connection.commit();
			this.progress.add(this.pending);
			this.pending = 0;
		}
	}

	@Override
	public void close() throws SQLException {
		try {
			flush();
		}
		finally {
			this.statement.close();
		}
	}

}
