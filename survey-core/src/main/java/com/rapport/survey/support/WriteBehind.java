package com.rapport.survey.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * Values kept in memory per key and written to the database later, so the request that
 * counts never waits for a write. Adding merges into the key's value and draining removes
 * each key on its own, both atomic per key: an addition that races with a drain is either
 * in the value drained or in a new value left for the next drain, never lost. What a
 * failed write could not store is merged back for the next one. The owner keeps its own
 * SQL and schedule, and flushes at shutdown.
 *
 * @param <K> what is counted
 * @param <V> the value per key
 */
public final class WriteBehind<K, V> {

	private static final Logger log = LoggerFactory.getLogger(WriteBehind.class);

	private final Map<K, V> pending = new ConcurrentHashMap<>();

	private final String what;

	private final BinaryOperator<V> merge;

	private final Comparator<? super K> order;

	/**
	 * Keeps values for a write-behind.
	 * @param what what is kept, for the log (e.g. "Topic views")
	 * @param merge how two values of one key make one (a sum, the later time); applied
	 * both to additions and to what a failed write puts back, so it must not care about
	 * the order of its operands
	 * @param order the order in which keys are drained: writers that lock rows in the
	 * same order do not deadlock with another node's flush
	 */
	public WriteBehind(String what, BinaryOperator<V> merge, Comparator<? super K> order) {
		this.what = what;
		this.merge = merge;
		this.order = order;
	}

	/**
	 * Merges a value into the key's, in memory.
	 * @param key what is counted
	 * @param value what to merge in
	 */
	public void add(K key, V value) {
		this.pending.merge(key, value, this.merge);
	}

	/**
	 * How many keys wait for the next write.
	 * @return the number of keys
	 */
	public int pending() {
		return this.pending.size();
	}

	/**
	 * Forgets the keys that must no longer be written (e.g. a respondent deleted).
	 * @param which the keys to forget
	 */
	public void forget(Predicate<? super K> which) {
		this.pending.keySet().removeIf(which);
	}

	/**
	 * Takes every key's value out, each key atomically, in key order.
	 * @return what was kept, to be written or {@link #putBack put back}
	 */
	public List<Entry<K, V>> drain() {
		List<K> keys = new ArrayList<>(this.pending.keySet());
		keys.sort(this.order);
		List<Entry<K, V>> taken = new ArrayList<>(keys.size());
		for (K key : keys) {
			V value = this.pending.remove(key);
			if (value != null) {
				taken.add(new Entry<>(key, value));
			}
		}
		return taken;
	}

	/**
	 * Merges drained values back, for the next write.
	 * @param entries what could not be written
	 */
	public void putBack(List<Entry<K, V>> entries) {
		for (Entry<K, V> entry : entries) {
			add(entry.key(), entry.value());
		}
	}

	/**
	 * Writes everything kept in one go (one transaction, which the writer opens): when it
	 * fails, all of it is put back.
	 * @param write writes the entries, or throws having written none of them
	 * @return how many entries were written
	 */
	public int flush(Consumer<List<Entry<K, V>>> write) {
		List<Entry<K, V>> taken = drain();
		if (taken.isEmpty()) {
			return 0;
		}
		try {
			write.accept(taken);
			return taken.size();
		}
		catch (DataAccessException | TransactionException ex) {
			putBack(taken);
			notSaved(ex);
			return 0;
		}
	}

	/**
	 * Writes what is kept key by key, stopping at the first failure (the database is
	 * likely away): that entry and those after it are put back.
	 * @param write writes one entry, or throws having written nothing of it
	 * @return how many entries were written
	 */
	public int flushEach(Consumer<Entry<K, V>> write) {
		List<Entry<K, V>> taken = drain();
		for (int i = 0; i < taken.size(); i++) {
			try {
				write.accept(taken.get(i));
			}
			catch (DataAccessException | TransactionException ex) {
				putBack(taken.subList(i, taken.size()));
				notSaved(ex);
				return i;
			}
		}
		return taken.size();
	}

	/**
	 * Logs a failed write: the values are kept, so it is no error yet.
	 * @param ex why it failed
	 */
	public void notSaved(RuntimeException ex) {
		log.warn("{} not saved yet, kept for the next flush: {}", this.what, ex.getClass().getSimpleName());
	}

	/**
	 * A key and its value taken out for writing.
	 *
	 * @param <K> what is counted
	 * @param <V> the value
	 * @param key what is counted
	 * @param value its value
	 */
	public record Entry<K, V>(K key, V value) {
	}

}
