package com.rapport.portal.reputation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Points granted by staff for a contribution outside the forum.
 */
public class GrantForm {

	@NotBlank(message = "{points.memberNotFound}")
	@Size(max = 30, message = "{points.memberNotFound}")
	private String username;

	@NotNull(message = "{points.range}")
	@Min(value = 1, message = "{points.range}")
	@Max(value = 10_000, message = "{points.range}")
	private Integer points;

	@NotBlank(message = "{points.reason}")
	@Size(max = 255, message = "{points.reason}")
	private String reason;

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public Integer getPoints() {
		return this.points;
	}

	public void setPoints(Integer points) {
		this.points = points;
	}

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

}
