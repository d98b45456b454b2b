package com.rapport.portal.web;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Checks uploaded images by their bytes, never by the name or type the browser claims,
 * for every upload of the portal (the brand's logo, avatars). SVG is never accepted
 * because it can carry scripts.
 */
public final class ImageUploads {

	/** The largest upload accepted, 512 KB. */
	public static final int MAX_BYTES = 512 * 1024;

	private ImageUploads() {
	}

	/**
	 * @param bytes the uploaded file
	 * @return the media type (PNG, JPEG, GIF or WebP) when the bytes start like one and
	 * are not too many, else empty
	 */
	public static Optional<String> detectType(byte[] bytes) {
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

	/**
	 * Decodes an image and draws it anew as a PNG of at most {@code side} × {@code side}
	 * pixels, so what is served back is the portal's own file, never the uploaded bytes.
	 * The dimensions are read from the header first: an image larger than
	 * {@code maxSourceSide} on a side is refused before it is decoded.
	 * @param bytes the upload, already checked with {@link #detectType}
	 * @param maxSourceSide the largest width or height accepted
	 * @param side the largest width or height of the result
	 * @return the PNG, or empty when the bytes do not decode as an image of a readable
	 * format (this Java has no WebP decoder, so WebP is refused here)
	 */
	public static Optional<byte[]> reencodeAsPng(byte[] bytes, int maxSourceSide, int side) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			if (in == null) {
				return Optional.empty();
			}
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				return Optional.empty();
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if (width < 1 || height < 1 || width > maxSourceSide || height > maxSourceSide) {
					return Optional.empty();
				}
				BufferedImage source = reader.read(0);
				double scale = Math.min(1.0, (double) side / Math.max(width, height));
				int w = Math.max(1, (int) Math.round(width * scale));
				int h = Math.max(1, (int) Math.round(height * scale));
				BufferedImage target = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
				Graphics2D g = target.createGraphics();
				try {
					g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
					g.drawImage(source, 0, 0, w, h, null);
				}
				finally {
					g.dispose();
				}
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				if (!ImageIO.write(target, "png", out)) {
					return Optional.empty();
				}
				return Optional.of(out.toByteArray());
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			// a truncated or malformed image: refused like any other bad upload
			return Optional.empty();
		}
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
