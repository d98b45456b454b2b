package com.rapport.portal.brand;

import java.util.Optional;

/**
 * Checks an uploaded logo by its bytes, not by the name or type the browser claims: PNG,
 * JPEG, GIF or WebP, at most 512 KB. SVG is refused because it can carry scripts.
 */
final class LogoUpload {

	static final int MAX_BYTES = 512 * 1024;

	private LogoUpload() {
	}

	/**
	 * @param bytes the uploaded file
	 * @return the media type when acceptable, else empty
	 */
	static Optional<String> detectImageType(byte[] bytes) {
		if (bytes == null || bytes.length < 12 || bytes.length > MAX_BYTES) {
			return Optional.empty();
		}
		if (startsWith(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return Optional.of("image/png");
		}
		if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
			return Optional.of("image/jpeg");
		}
		if (startsWith(bytes, 'G', 'I', 'F', '8')) {
			return Optional.of("image/gif");
		}
		if (startsWith(bytes, 'R', 'I', 'F', 'F') && bytes[8] == 'W' && bytes[9] == 'E' && bytes[10] == 'B'
				&& bytes[11] == 'P') {
			return Optional.of("image/webp");
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
