package com.rapport.portal.support;

import java.util.Properties;
import java.util.function.Supplier;

import com.mysql.cj.MysqlConnection;
import com.mysql.cj.Query;
import com.mysql.cj.interceptors.QueryInterceptor;
import com.mysql.cj.log.Log;
import com.mysql.cj.protocol.Resultset;
import com.mysql.cj.protocol.ServerSession;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements the current thread sends to the database, as Connector/J sees
 * them: a {@link QueryInterceptor} that the test context adds to every pooled connection.
 * A MockMvc request runs on the test's thread, so counting around it counts exactly the
 * statements of that request, whichever pooled connections it used.
 */
public class StatementCounter implements QueryInterceptor {

	private static final ThreadLocal<int[]> COUNT = ThreadLocal.withInitial(() -> new int[1]);

	/**
	 * Runs {@code work} and counts the statements it sent from this thread.
	 * @param work what to count
	 * @return how many statements it sent
	 * @throws Exception what the work throws
	 */
	public static int count(Action work) throws Exception {
		int before = COUNT.get()[0];
		work.run();
		return COUNT.get()[0] - before;
	}

	@Override
	public QueryInterceptor init(MysqlConnection connection, Properties properties, Log log) {
		return this;
	}

	@Override
	public <T extends Resultset> T preProcess(Supplier<String> sql, Query interceptedQuery) {
		COUNT.get()[0]++;
		return null;
	}

	@Override
	public boolean executeTopLevelOnly() {
		return true;
	}

	@Override
	public void destroy() {
	}

	@Override
	public <T extends Resultset> T postProcess(Supplier<String> sql, Query interceptedQuery, T originalResultSet,
			ServerSession serverSession) {
		return null;
	}

	/**
	 * Work that is counted.
	 */
	@FunctionalInterface
	public interface Action {

		void run() throws Exception;

	}

	/**
	 * Adds the counter to the embedded database's pool before its first connection (the
	 * pool starts lazily, so its settings are still open here).
	 */
	public static class Registration implements BeanPostProcessor {

		@Override
		public Object postProcessBeforeInitialization(Object bean, String beanName) {
			if (bean instanceof HikariDataSource pool) {
				pool.addDataSourceProperty("queryInterceptors", StatementCounter.class.getName());
			}
			return bean;
		}

	}

}
