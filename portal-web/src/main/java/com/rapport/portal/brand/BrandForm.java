package com.rapport.portal.brand;

import com.rapport.portal.web.CleanText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The staff form for the brand's name and accent colour.
 */
class BrandForm {

	@NotBlank(message = "{validation.required}")
	@Size(max = 60, message = "{validation.tooLong}")
	@CleanText
	private String name;

	@NotBlank(message = "{validation.required}")
	@Pattern(regexp = "#[0-9a-fA-F]{6}", message = "{brand.accentColor.invalid}")
	private String accentColor;

	static BrandForm of(Brand brand) {
		BrandForm form = new BrandForm();
		form.setName(brand.name());
		form.setAccentColor(brand.accentColor());
		return form;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getAccentColor() {
		return this.accentColor;
	}

	public void setAccentColor(String accentColor) {
		this.accentColor = accentColor;
	}

}
