package com.rapport.portal.reputation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A new reward for the catalogue.
 */
public class RewardForm {

	@NotBlank(message = "{reward.name}")
	@Size(max = 80, message = "{reward.name}")
	private String name;

	@Size(max = 500, message = "{reward.description}")
	private String description;

	@NotNull(message = "{reward.cost}")
	@Min(value = 1, message = "{reward.cost}")
	@Max(value = 1_000_000, message = "{reward.cost}")
	private Integer cost;

	@NotNull(message = "{reward.stock}")
	@Min(value = 0, message = "{reward.stock}")
	@Max(value = 1_000_000, message = "{reward.stock}")
	private Integer stock;

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public Integer getCost() {
		return this.cost;
	}

	public void setCost(Integer cost) {
		this.cost = cost;
	}

	public Integer getStock() {
		return this.stock;
	}

	public void setStock(Integer stock) {
		this.stock = stock;
	}

}
