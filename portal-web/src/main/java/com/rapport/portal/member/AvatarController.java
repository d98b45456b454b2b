package com.rapport.portal.member;

import java.io.IOException;
import java.time.Duration;

import com.rapport.community.member.Avatars;
import com.rapport.community.member.Viewer;
import com.rapport.portal.web.ImageUploads;

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
 * Avatar upload and the avatar images. An upload must be a PNG or JPEG (checked by its
 * bytes) of at most 512 KB and 4096 pixels a side that decodes; it is redrawn as a PNG of
 * at most 256 pixels a side, and only that is stored and served.
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
		if (file == null || file.isEmpty() || file.getSize() > ImageUploads.MAX_BYTES) {
			redirect.addFlashAttribute("error", "avatar.invalid");
			return "redirect:/account/profile";
		}
		byte[] bytes = file.getBytes();
		var png = ImageUploads.detectType(bytes)
			.flatMap((type) -> ImageUploads.reencodeAsPng(bytes, MAX_SOURCE_SIDE, SIDE));
		if (png.isEmpty()) {
			redirect.addFlashAttribute("error", "avatar.invalid");
			return "redirect:/account/profile";
		}
		this.avatars.save(viewer, png.get());
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
