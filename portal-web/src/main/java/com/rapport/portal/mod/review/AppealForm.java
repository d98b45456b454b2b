package com.rapport.portal.mod.review;

import com.rapport.community.review.Appeals;
import com.rapport.portal.web.CleanText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A member's appeal: why the decision should change.
 */
class AppealForm {

	@NotBlank(message = "{review.appeal.statementRequired}")
	@Size(max = Appeals.STATEMENT_MAX, message = "{review.appeal.statementTooLong}")
	@CleanText
	private String statement;

	public String getStatement() {
		return this.statement;
	}

	public void setStatement(String statement) {
		this.statement = statement;
	}

}
