package com.rapport.portal.account;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * The sessions a member is logged in with, on every node: they live in the database
 * (Spring Session JDBC), indexed by the member's username, so ending them here ends them
 * everywhere at their next request.
 */
@Component
class MemberSessions {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	MemberSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	/**
	 * Ends every session of a member but one.
	 * @param username the member's username
	 * @param keepSessionId the session to keep (the one making the change), or null
	 * @return how many sessions were ended
	 */
	int endAllBut(String username, String keepSessionId) {
		int ended = 0;
		for (String id : this.sessions.findByPrincipalName(username).keySet()) {
			if (!id.equals(keepSessionId)) {
				this.sessions.deleteById(id);
				ended++;
			}
		}
		return ended;
	}

}
