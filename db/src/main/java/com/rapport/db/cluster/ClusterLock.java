package com.rapport.db.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Named locks in the {@code cluster_lock} table, claimed with one atomic
 * {@code UPDATE … WHERE locked_until <= NOW(3)}: of several nodes asking at once, exactly
 * one changes the row. The database's clock decides, so the nodes' clocks may differ.
 * Claims and releases use a connection of their own in auto-commit, outside any
 * transaction of the caller, so another node sees a claim at once.
 */
public class ClusterLock {

	private final DataSource dataSource;

	private final ClusterNode node;

	public ClusterLock(DataSource dataSource, ClusterNode node) {
		this.dataSource = dataSource;
		this.node = node;
	}

	/**
	 * Claims the lock when it is free.
	 * @param name the lock
	 * @param atMost when the claim ends by itself if it is never released
	 * @return whether this node now holds the lock
	 */
	public boolean tryClaim(String name, Duration atMost) {
		long micros = atMost.toNanos() / 1000;
		if (update("UPDATE cluster_lock SET locked_until = DATE_ADD(NOW(3), INTERVAL ? MICROSECOND), "
				+ "locked_at = NOW(3), locked_by = ?, runs = runs + 1 WHERE name = ? AND locked_until <= NOW(3)",
				micros, this.node.name(), name) == 1) {
			return true;
		}
		// the first claim of a lock creates its row; of two nodes inserting, one wins
		return update(
				"INSERT IGNORE INTO cluster_lock (name, locked_until, locked_at, locked_by, runs) "
						+ "VALUES (?, DATE_ADD(NOW(3), INTERVAL ? MICROSECOND), NOW(3), ?, 1)",
				name, micros, this.node.name()) == 1;
	}

	/**
	 * Releases a lock this node holds, keeping it taken until {@code atLeast} after the
	 * claim.
	 * @param name the lock
	 * @param atLeast how long after the claim the lock stays taken
	 */
	public void release(String name, Duration atLeast) {
		update("UPDATE cluster_lock SET locked_until = GREATEST(NOW(3), DATE_ADD(locked_at, INTERVAL ? MICROSECOND)) "
				+ "WHERE name = ? AND locked_by = ?", atLeast.toNanos() / 1000, name, this.node.name());
	}

	/**
	 * Runs the work when this node claims the lock, then releases it.
	 * @param name the lock
	 * @param atLeast how long after the claim the lock stays taken
	 * @param atMost how long a claim lasts when this node dies during the work
	 * @param work what to run
	 * @return whether this node ran the work
	 */
	public boolean runOnce(String name, Duration atLeast, Duration atMost, Runnable work) {
		if (!tryClaim(name, atMost)) {
			return false;
		}
		try {
			work.run();
		}
		finally {
			release(name, atLeast);
		}
		return true;
	}

	private int update(String sql, Object... params) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			if (!connection.getAutoCommit()) {
				connection.setAutoCommit(true);
			}
			for (int i = 0; i < params.length; i++) {
				statement.setObject(i + 1, params[i]);
			}
			return statement.executeUpdate();
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Cluster lock not reachable: " + ex.getMessage(), ex);
		}
	}

}
