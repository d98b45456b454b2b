package com.rapport.portal.brand;

import java.util.Optional;

import com.rapport.portal.web.ImageUploads;

/**
 * Checks an uploaded logo by its bytes, not by the name or type the browser claims: PNG,
 * JPEG, GIF or WebP, at most 512 KB, with the checks every image upload shares
 * ({@link ImageUploads}). SVG is refused because it can carry scripts.
 */
final class LogoUpload {

	static final int MAX_BYTES = ImageUploads.MAX_BYTES;

	private LogoUpload() {
	}

	/**
	 * @param bytes the uploaded file
	 * @return the media type when acceptable, else empty
	 */
	static Optional<String> detectImageType(byte[] bytes) {
		return ImageUploads.detectType(bytes);
	}

}
