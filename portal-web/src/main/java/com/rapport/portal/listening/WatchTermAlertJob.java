package com.rapport.portal.listening;

import java.util.Locale;

import com.rapport.community.listening.WatchTermAlerts;
import com.rapport.community.listening.WatchTermAlerts.Alert;
import com.rapport.community.listening.WatchTermAlerts.StaffMember;
import com.rapport.db.cluster.RunOnce;
import com.rapport.portal.mail.MailOutbox;
import com.rapport.portal.mail.PortalLinks;

import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks the watched terms every {@code rapport.listening.alert-interval} (default 1 h),
 * on one node of the cluster, and tells every staff member of each new alert in the
 * portal (done by {@link WatchTermAlerts}) and by email, in the transaction that records
 * it: an alert is recorded, notified and mailed together, once per term and week.
 */
@Component
class WatchTermAlertJob {

	private final WatchTermAlerts alerts;

	private final MailOutbox outbox;

	private final MessageSource messages;

	private final PortalLinks links;

	WatchTermAlertJob(WatchTermAlerts alerts, MailOutbox outbox, MessageSource messages, PortalLinks links) {
		this.alerts = alerts;
		this.outbox = outbox;
		this.messages = messages;
		this.links = links;
	}

	@Scheduled(fixedDelayString = "${rapport.listening.alert-interval:1h}",
			initialDelayString = "${rapport.listening.alert-initial-delay:2m}")
	@RunOnce(value = "watch-term-alerts", every = "${rapport.listening.alert-interval:1h}")
	@Transactional
	void scheduled() {
		check();
	}

	/**
	 * Raises and mails this week's new alerts.
	 * @return how many alerts were raised
	 */
	@Transactional
	int check() {
		var raised = this.alerts.raise();
		if (raised.isEmpty()) {
			return 0;
		}
		for (StaffMember staff : this.alerts.staff()) {
			Locale locale = (staff.locale() != null) ? Locale.forLanguageTag(staff.locale()) : Locale.ENGLISH;
			for (Alert alert : raised) {
				this.outbox
					.enqueue(staff.email(),
							this.messages.getMessage("listen.mail.subject", new Object[] { alert.term() }, locale),
							this.messages.getMessage("listen.mail.body",
									new Object[] { alert.term(), alert.sharePercent(), alert.baselinePercent(),
											alert.jump().analysed(), this.links.link(alert.url()).toUriString() },
									locale));
			}
		}
		return raised.size();
	}

}
