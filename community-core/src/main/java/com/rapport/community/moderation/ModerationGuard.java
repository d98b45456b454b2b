package com.rapport.community.moderation;

import com.rapport.community.member.Member;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;

import org.springframework.security.access.AccessDeniedException;

/**
 * Who may use the moderation tools on whom, checked in the services whatever the URL
 * rules say.
 */
final class ModerationGuard {

	private ModerationGuard() {
	}

	static void requireModerator(Viewer viewer) {
		if (viewer == null || !viewer.isModerator()) {
			throw new AccessDeniedException("Moderators only");
		}
	}

	static void requireStaff(Viewer viewer) {
		if (viewer == null || !viewer.isStaff()) {
			throw new AccessDeniedException("Staff only");
		}
	}

	/**
	 * A moderator acts on members only; staff on members and moderators; nobody on
	 * themselves or on staff accounts.
	 */
	static void requireMayActOn(Viewer viewer, Member member) {
		requireModerator(viewer);
		if (viewer.memberId() != null && viewer.memberId() == member.id()) {
			throw new RejectedException("member", "mod.member.self");
		}
		if (member.has(Role.STAFF) || (member.has(Role.MODERATOR) && !viewer.isStaff())) {
			throw new RejectedException("member", "mod.member.protected");
		}
	}

	static String checkedReason(String reason, boolean required) {
		String text = (reason != null) ? reason.strip() : "";
		if (text.isEmpty()) {
			if (required) {
				throw new RejectedException("reason", "mod.reason.required");
			}
			return null;
		}
		if (text.codePointCount(0, text.length()) > AuditLog.REASON_MAX) {
			throw new RejectedException("reason", "mod.reason.tooLong");
		}
		return text;
	}

}
