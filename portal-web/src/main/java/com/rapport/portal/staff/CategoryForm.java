package com.rapport.portal.staff;

import com.rapport.community.category.Access;
import com.rapport.community.category.Category;
import com.rapport.community.category.NewCategory;
import com.rapport.portal.web.CleanText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Staff's form for creating or changing a category.
 */
class CategoryForm {

	@Pattern(regexp = "[a-z0-9][a-z0-9-]{0,79}", message = "{category.slug.invalid}")
	private String slug;

	@CleanText
	@NotBlank(message = "{validation.required}")
	@Size(max = 80, message = "{validation.tooLong}")
	private String name;

	@CleanText
	@Size(max = 500, message = "{validation.tooLong}")
	private String description;

	@NotBlank(message = "{validation.required}")
	@Pattern(regexp = "#[0-9a-fA-F]{6}", message = "{category.color.invalid}")
	private String color = "#0969da";

	private Long parentId;

	private String kind = "DISCUSSION";

	@NotNull(message = "{validation.required}")
	private Access readAccess = Access.ANYONE;

	@NotNull(message = "{validation.required}")
	private Access createAccess = Access.MEMBER;

	@NotNull(message = "{validation.required}")
	private Access replyAccess = Access.MEMBER;

	static CategoryForm of(Category category) {
		CategoryForm form = new CategoryForm();
		form.setSlug(category.slug());
		form.setName(category.name());
		form.setDescription(category.description());
		form.setColor(category.color());
		form.setParentId(category.parentId());
		form.setKind(category.kind());
		form.setReadAccess(category.readAccess());
		form.setCreateAccess(category.createAccess());
		form.setReplyAccess(category.replyAccess());
		return form;
	}

	NewCategory toCommand() {
		return new NewCategory(this.parentId, this.slug, this.name, this.description, this.color, this.kind,
				this.readAccess, this.createAccess, this.replyAccess);
	}

	public String getSlug() {
		return this.slug;
	}

	public void setSlug(String slug) {
		this.slug = slug;
	}

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

	public String getColor() {
		return this.color;
	}

	public void setColor(String color) {
		this.color = color;
	}

	public Long getParentId() {
		return this.parentId;
	}

	public void setParentId(Long parentId) {
		this.parentId = parentId;
	}

	public String getKind() {
		return this.kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public Access getReadAccess() {
		return this.readAccess;
	}

	public void setReadAccess(Access readAccess) {
		this.readAccess = readAccess;
	}

	public Access getCreateAccess() {
		return this.createAccess;
	}

	public void setCreateAccess(Access createAccess) {
		this.createAccess = createAccess;
	}

	public Access getReplyAccess() {
		return this.replyAccess;
	}

	public void setReplyAccess(Access replyAccess) {
		this.replyAccess = replyAccess;
	}

}
