package com.rapport.portal.mod.review;

import com.rapport.community.review.FlagReason;
import com.rapport.community.review.Flags;
import com.rapport.portal.web.CleanText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The flag form: a reason and, for "something else", a note.
 */
class FlagForm {

	@NotNull(message = "{review.flag.reasonRequired}")
	private FlagReason reason;

	@Size(max = Flags.NOTE_MAX, message = "{review.flag.noteTooLong}")
	@CleanText
	private String note;

	public FlagReason getReason() {
		return this.reason;
	}

	public void setReason(FlagReason reason) {
		this.reason = reason;
	}

	public String getNote() {
		return this.note;
	}

	public void setNote(String note) {
		this.note = note;
	}

}
