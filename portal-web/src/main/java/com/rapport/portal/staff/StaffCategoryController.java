package com.rapport.portal.staff;

import com.rapport.community.category.Access;
import com.rapport.community.category.Category;
import com.rapport.community.category.CategoryService;
import com.rapport.community.member.RejectedException;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff manage the categories: create, edit, reorder, archive, and set who may read,
 * start topics and reply.
 */
@Controller
class StaffCategoryController {

	private final CategoryService categories;

	StaffCategoryController(CategoryService categories) {
		this.categories = categories;
	}

	@ModelAttribute("accessLevels")
	Access[] accessLevels() {
		return Access.values();
	}

	@GetMapping("/staff/categories")
	String list(Model model) {
		model.addAttribute("allCategories", this.categories.all());
		if (!model.containsAttribute("categoryForm")) {
			model.addAttribute("categoryForm", new CategoryForm());
		}
		return "staff/categories";
	}

	@PostMapping("/staff/categories")
	String create(@Valid @ModelAttribute("categoryForm") CategoryForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (form.getSlug() == null || form.getSlug().isBlank()) {
			result.rejectValue("slug", "validation.required");
		}
		if (!result.hasErrors()) {
			try {
				this.categories.create(form.toCommand());
				redirect.addFlashAttribute("message", "category.created");
				return "redirect:/staff/categories";
			}
			catch (RejectedException rejected) {
				rejected.fieldErrors().forEach(result::rejectValue);
			}
		}
		model.addAttribute("allCategories", this.categories.all());
		return "staff/categories";
	}

	@GetMapping("/staff/categories/{id}")
	String edit(@PathVariable long id, Model model) {
		Category category = find(id);
		model.addAttribute("category", category);
		model.addAttribute("categoryForm", CategoryForm.of(category));
		model.addAttribute("parents",
				this.categories.all().stream().filter((c) -> c.parentId() == null && c.id() != id).toList());
		return "staff/category-edit";
	}

	@PostMapping("/staff/categories/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("categoryForm") CategoryForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Category category = find(id);
		if (!result.hasFieldErrors("name") && !result.hasFieldErrors("color")
				&& !result.hasFieldErrors("description")) {
			try {
				this.categories.update(id, form.toCommand());
				redirect.addFlashAttribute("message", "category.saved");
				return "redirect:/staff/categories";
			}
			catch (RejectedException rejected) {
				rejected.fieldErrors().forEach(result::rejectValue);
			}
		}
		form.setSlug(category.slug());
		model.addAttribute("category", category);
		model.addAttribute("parents",
				this.categories.all().stream().filter((c) -> c.parentId() == null && c.id() != id).toList());
		return "staff/category-edit";
	}

	@PostMapping("/staff/categories/{id}/move")
	String move(@PathVariable long id, @RequestParam("direction") String direction) {
		this.categories.move(id, "up".equals(direction));
		return "redirect:/staff/categories";
	}

	@PostMapping("/staff/categories/{id}/archive")
	String archive(@PathVariable long id, @RequestParam("archived") boolean archived, RedirectAttributes redirect) {
		find(id);
		this.categories.archive(id, archived);
		redirect.addFlashAttribute("message", archived ? "category.archived" : "category.unarchived");
		return "redirect:/staff/categories";
	}

	private Category find(long id) {
		return this.categories.all()
			.stream()
			.filter((c) -> c.id() == id)
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
