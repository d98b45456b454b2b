package com.rapport.portal.brand;

import java.io.IOException;
import java.time.Duration;

import jakarta.validation.Valid;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The brand's colours and logo for everyone, and the staff page that changes them.
 */
@Controller
class BrandController {

	private final BrandSettings settings;

	BrandController(BrandSettings settings) {
		this.settings = settings;
	}

	/**
	 * The accent colour as a stylesheet, so the layout needs no inline style (the Content
	 * Security Policy forbids them).
	 */
	@GetMapping(value = "/brand.css", produces = "text/css")
	ResponseEntity<String> brandCss() {
		Brand brand = this.settings.current();
		String css = ":root{--accent:" + brand.accentColor() + ";}\n";
		return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()).body(css);
	}

	@GetMapping("/brand/logo")
	ResponseEntity<byte[]> logo() {
		return this.settings.logo()
			.map((logo) -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(logo.contentType()))
				.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
				.header("X-Content-Type-Options", "nosniff")
				.body(logo.bytes()))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	@GetMapping("/staff/brand")
	String edit(Model model) {
		model.addAttribute("brandForm", BrandForm.of(this.settings.current()));
		return "staff/brand";
	}

	@PostMapping("/staff/brand")
	String update(@Valid @ModelAttribute("brandForm") BrandForm form, BindingResult result,
			RedirectAttributes redirect) {
		if (!result.hasFieldErrors("accentColor") && !AccentColor.readableOnWhite(form.getAccentColor())) {
			result.rejectValue("accentColor", "brand.accentColor.lowContrast");
		}
		if (result.hasErrors()) {
			return "staff/brand";
		}
		this.settings.update(form.getName().strip(), form.getAccentColor().toLowerCase(java.util.Locale.ROOT));
		redirect.addFlashAttribute("message", "brand.saved");
		return "redirect:/staff/brand";
	}

	@PostMapping("/staff/brand/logo")
	String uploadLogo(@RequestParam("logo") MultipartFile file, RedirectAttributes redirect) throws IOException {
		if (file.isEmpty() || file.getSize() > LogoUpload.MAX_BYTES) {
			redirect.addFlashAttribute("logoError", "brand.logo.invalid");
			return "redirect:/staff/brand";
		}
		byte[] bytes = file.getBytes();
		var type = LogoUpload.detectImageType(bytes);
		if (type.isEmpty()) {
			redirect.addFlashAttribute("logoError", "brand.logo.invalid");
			return "redirect:/staff/brand";
		}
		this.settings.updateLogo(bytes, type.get());
		redirect.addFlashAttribute("message", "brand.logo.saved");
		return "redirect:/staff/brand";
	}

	@PostMapping("/staff/brand/logo/delete")
	String removeLogo(RedirectAttributes redirect) {
		this.settings.removeLogo();
		redirect.addFlashAttribute("message", "brand.logo.removed");
		return "redirect:/staff/brand";
	}

}
