package com.rapport.community.search;

import java.io.IOException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Collects the best topics: each topic once, represented by its best matching post (the
 * highest score, and among equal scores the newest post), topics ranked by that post the
 * same way. Once the wanted number of topics is found, the scorer is told the lowest
 * score that can still enter, so it skips blocks of posts that cannot (Lucene's block-max
 * WAND); a topic with thousands of matching replies still takes one place.
 */
final class BestPostPerTopic implements CollectorManager<BestPostPerTopic.TopicCollector, BestPostPerTopic.Result> {

	/** Better first: higher score, then newer post, then lower document number. */
	static final Comparator<Best> RANKING = Comparator.comparingDouble((Best best) -> best.score)
		.reversed()
		.thenComparing(Comparator.comparingLong((Best best) -> best.created).reversed())
		.thenComparingInt((best) -> best.doc);

	private final int wanted;

	/**
	 * @param wanted how many topics to find at most
	 */
	BestPostPerTopic(int wanted) {
		this.wanted = wanted;
	}

	@Override
	public TopicCollector newCollector() {
		return new TopicCollector(this.wanted);
	}

	@Override
	public Result reduce(Collection<TopicCollector> collectors) {
		Map<Long, Best> all = new HashMap<>();
		boolean full = false;
		for (TopicCollector collector : collectors) {
			full |= collector.ranked.size() >= this.wanted;
			for (Best best : collector.ranked) {
				all.merge(best.topicId, best, (a, b) -> (RANKING.compare(a, b) <= 0) ? a : b);
			}
		}
		List<Best> ranked = all.values().stream().sorted(RANKING).limit(this.wanted).toList();
		return new Result(ranked, full || ranked.size() >= this.wanted);
	}

	/**
	 * The topics found.
	 *
	 * @param ranked the best post of each topic, best first
	 * @param full whether as many topics were found as wanted, so more may match
	 */
	record Result(List<Best> ranked, boolean full) {

		Result {
			ranked = List.copyOf(ranked);
		}

	}

	/**
	 * The best post of one topic.
	 */
	static final class Best {

		final long topicId;

		final int doc;

		final float score;

		final long created;

		Best(long topicId, int doc, float score, long created) {
			this.topicId = topicId;
			this.doc = doc;
			this.score = score;
			this.created = created;
		}

	}

	/**
	 * Collects the matches of one slice of the index.
	 */
	static final class TopicCollector implements Collector {

		private final int wanted;

		/** The topics found so far, best first; never more than {@link #wanted}. */
		private final TreeSet<Best> ranked = new TreeSet<>(RANKING);

		private final Map<Long, Best> byTopic = new HashMap<>();

		TopicCollector(int wanted) {
			this.wanted = wanted;
		}

		@Override
		public ScoreMode scoreMode() {
			return ScoreMode.TOP_SCORES;
		}

		@Override
		public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
			NumericDocValues topics = DocValues.getNumeric(context.reader(), PostDocuments.TOPIC_ID);
			NumericDocValues created = DocValues.getNumeric(context.reader(), PostDocuments.CREATED);
			int docBase = context.docBase;
			return new LeafCollector() {

				private Scorable scorer;

				@Override
				public void setScorer(Scorable scorer) throws IOException {
					this.scorer = scorer;
					updateMinCompetitiveScore(scorer);
				}

				@Override
				public void collect(int doc) throws IOException {
					float score = this.scorer.score();
					if (isFull() && score < TopicCollector.this.ranked.last().score) {
						return;
					}
					if (!topics.advanceExact(doc) || !created.advanceExact(doc)) {
						return;
					}
					long topicId = topics.longValue();
					long time = created.longValue();
					if (!beats(topicId, score, time) || !offer(new Best(topicId, docBase + doc, score, time))) {
						return;
					}
					updateMinCompetitiveScore(this.scorer);
				}

			};
		}

		private boolean isFull() {
			return this.ranked.size() >= this.wanted;
		}

		/**
		 * A quick look, without allocating, whether a post may enter: the index is sorted
		 * newest first, so most equally scored posts that follow are older and stop here.
		 */
		private boolean beats(long topicId, float score, long time) {
			Best current = this.byTopic.get(topicId);
			Best rival = (current != null) ? current : (isFull() ? this.ranked.last() : null);
			return rival == null || score > rival.score || (score == rival.score && time > rival.created);
		}

		/** Takes a post when it beats its topic's best or the last topic kept. */
		private boolean offer(Best candidate) {
			Best current = this.byTopic.get(candidate.topicId);
			if (current != null) {
				if (RANKING.compare(candidate, current) >= 0) {
					return false;
				}
				this.ranked.remove(current);
			}
			else if (isFull()) {
				Best last = this.ranked.last();
				if (RANKING.compare(candidate, last) >= 0) {
					return false;
				}
				this.ranked.pollLast();
				this.byTopic.remove(last.topicId);
			}
			this.ranked.add(candidate);
			this.byTopic.put(candidate.topicId, candidate);
			return true;
		}

		private void updateMinCompetitiveScore(Scorable scorer) throws IOException {
			if (isFull()) {
				// equal scores stay competitive: a newer post wins the tie
				scorer.setMinCompetitiveScore(this.ranked.last().score);
			}
		}

	}

}
