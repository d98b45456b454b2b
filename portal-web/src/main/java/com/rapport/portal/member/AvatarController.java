package com.rapport.portal.member;

import java.io.IOException;
import java.time.Duration;

import com.rapport.community.member.Avatars;
import com.rapport.community.member.Viewer;
import com.rapport.portal.web.ImageUploads;
import com.rapport.portal.web.ImageUploads.RefusedImageException;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Avatar upload and the avatar images. An upload must be a PNG, JPEG, GIF or WebP
 * (checked by its bytes) of at most 512 KB and 4096 pixels a side (read from its header
 * before decoding) that decodes; it is redrawn as a PNG of at most 256 pixels a side (the
 * first frame of an animation), and only that is stored and served. Each refusal says why
 * and changes nothing.
 */
@Controller
class AvatarController {

	static final int MAX_SOURCE_SIDE = 4096;

	static final int SIDE = 256;

	private final Avatars avatars;

	AvatarController(Avatars avatars) {
		this.avatars = avatars;
	}

	@PostMapping("/account/avatar")
	String upload(@RequestParam(name = "avatar", required = false) MultipartFile file, Viewer viewer,
			RedirectAttributes redirect) throws IOException {
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("error", "avatar.refused.format");
			return "redirect:/account/profile";
		}
		if (file.getSize() > ImageUploads.MAX_BYTES) {
			redirect.addFlashAttribute("error", "avatar.refused.size");
			return "redirect:/account/profile";
		}
		byte[] bytes = file.getBytes();
		if (ImageUploads.detectType(bytes).isEmpty()) {
			redirect.addFlashAttribute("error", "avatar.refused.format");
			return "redirect:/account/profile";
		}
		byte[] png;
		try {
			png = ImageUploads.redrawAsPng(bytes, MAX_SOURCE_SIDE, SIDE);
		}
		catch (RefusedImageException ex) {
			redirect.addFlashAttribute("error", switch (ex.reason()) {
				case NOT_READABLE -> "avatar.refused.format";
				case TOO_MANY_PIXELS -> "avatar.refused.pixels";
				case DAMAGED -> "avatar.refused.damaged";
			});
			return "redirect:/account/profile";
		}
		this.avatars.save(viewer, png);
		redirect.addFlashAttribute("message", "avatar.saved");
		return "redirect:/account/profile";
	}

	@PostMapping("/account/avatar/delete")
	String remove(Viewer viewer, RedirectAttributes redirect) {
		this.avatars.remove(viewer);
		redirect.addFlashAttribute("message", "avatar.removed");
		return "redirect:/account/profile";
	}

	@GetMapping("/u/{username}/avatar.png")
	ResponseEntity<byte[]> avatar(@PathVariable String username) {
		// the address carries the avatar's version, so a long cache never shows an old
		// one
		return this.avatars.of(username)
			.map((png) -> ResponseEntity.ok()
				.contentType(MediaType.IMAGE_PNG)
				.cacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePublic())
				.body(png))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

}
