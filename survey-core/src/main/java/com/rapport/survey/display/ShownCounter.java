package com.rapport.survey.display;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import com.rapport.survey.response.RespondentDeleted;
import com.rapport.survey.results.SurveyRollups;
import com.rapport.survey.support.WriteBehind;
import com.rapport.survey.support.WriteBehind.Entry;
import jakarta.annotation.PreDestroy;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The surveys shown in the embedded frame, kept in memory by each node and written every
 * {@code rapport.survey.shown.flush-interval} (5 s) in one transaction: the respondents'
 * {@code survey_contact.shown_at} (one multi-row upsert) and the "shown" counts of the
 * survey rollups (one upsert per survey and day), so rendering the frame waits for no
 * write. Nothing decides on these rows at once: the display rules read when a respondent
 * answered or dismissed a survey, which are written as they happen; {@code shown_at} is a
 * record and "shown" a count of the funnel. A failed flush keeps its rows for the next
 * one and the last flush runs at shutdown, after the web server has drained, so a node
 * that stops loses nothing and a node that crashes at most one interval of counts. Each
 * node writes its own: the upserts add ({@code answers + n}) or keep the latest time, so
 * the nodes' flushes add up.
 */
@Component
public class ShownCounter {

	private static final int ROWS_PER_STATEMENT = 500;

	private static final Comparator<Contact> CONTACT_ORDER = Comparator.comparing(Contact::respondentHash)
		.thenComparingLong(Contact::surveyId);

	private final WriteBehind<Contact, Instant> contacts = new WriteBehind<>("Surveys shown", ShownCounter::later,
			CONTACT_ORDER);

	private final WriteBehind<Day, Long> counts = new WriteBehind<>("Surveys shown", Long::sum,
			Comparator.comparingLong(Day::surveyId).thenComparing(Day::day));

	private final JdbcClient jdbc;

	private final SurveyRollups rollups;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ShownCounter(JdbcClient jdbc, SurveyRollups rollups, PlatformTransactionManager transactionManager, Clock clock) {
		this.jdbc = jdbc;
		this.rollups = rollups;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * Counts a survey shown to a respondent, in memory; written at the next flush.
	 * @param surveyId the survey
	 * @param respondentHash the hashed respondent id
	 */
	public void shown(long surveyId, String respondentHash) {
		Instant now = this.clock.instant();
		this.contacts.add(new Contact(respondentHash, surveyId), now);
		this.counts.add(new Day(surveyId, this.rollups.today()), 1L);
	}

	/** How many rows wait for the next flush (contacts and counts). */
	public int pending() {
		return this.contacts.pending() + this.counts.pending();
	}

	@Scheduled(fixedDelayString = "${rapport.survey.shown.flush-interval:5s}",
			initialDelayString = "${rapport.survey.shown.flush-interval:5s}")
	void scheduledFlush() {
		flush();
	}

	/**
	 * Writes what was counted since the last flush, in one transaction (also called by
	 * tests).
	 * @return how many rows were written (contacts and counts)
	 */
	public synchronized int flush() {
		List<Entry<Contact, Instant>> takenContacts = this.contacts.drain();
		List<Entry<Day, Long>> takenDays = this.counts.drain();
		if (takenContacts.isEmpty() && takenDays.isEmpty()) {
			return 0;
		}
		try {
			// one transaction: a failed flush wrote nothing, so it is simply tried again
			this.transactions.executeWithoutResult((status) -> {
				writeContacts(takenContacts);
				for (Entry<Day, Long> day : takenDays) {
					this.rollups.shown(day.key().surveyId(), day.key().day(), day.value());
				}
			});
			return takenContacts.size() + takenDays.size();
		}
		catch (DataAccessException | TransactionException ex) {
			this.contacts.putBack(takenContacts);
			this.counts.putBack(takenDays);
			this.contacts.notSaved(ex);
			return 0;
		}
	}

	private void writeContacts(List<Entry<Contact, Instant>> contacts) {
		for (int from = 0; from < contacts.size(); from += ROWS_PER_STATEMENT) {
			int to = Math.min(contacts.size(), from + ROWS_PER_STATEMENT);
			String rows = String.join(", ", Collections.nCopies(to - from, "(?, ?, ?)"));
			Object[] params = new Object[(to - from) * 3];
			for (int i = from; i < to; i++) {
				int p = (i - from) * 3;
				params[p] = contacts.get(i).key().respondentHash();
				params[p + 1] = contacts.get(i).key().surveyId();
				params[p + 2] = Timestamp.from(contacts.get(i).value());
			}
			// a later shown_at wins: a flush of another node may come after this one
			this.jdbc
				.sql("INSERT INTO survey_contact (respondent_hash, survey_id, shown_at) VALUES " + rows
						+ " ON DUPLICATE KEY UPDATE shown_at = GREATEST(COALESCE(shown_at, VALUES(shown_at)), "
						+ "VALUES(shown_at))")
				.params(params)
				.update();
		}
	}

	/**
	 * A privacy delete removes the respondent's contact rows: what this node still holds
	 * for them must not bring one back.
	 * @param event the respondent deleted
	 */
	@EventListener
	void on(RespondentDeleted event) {
		this.contacts.forget((contact) -> contact.respondentHash().equals(event.respondentHash()));
	}

	@PreDestroy
	void flushOnShutdown() {
		flush();
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private record Contact(String respondentHash, long surveyId) {
	}

	private record Day(long surveyId, LocalDate day) {
	}

}
