package com.rapport.portal.web;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Checks uploaded images by their bytes, never by the name or type the browser claims,
 * for every upload of the portal (the brand's logo, avatars). SVG is never accepted
 * because it can carry scripts. PNG, JPEG and GIF are read by the JDK, WebP (lossy,
 * lossless, with alpha, animated) by the TwelveMonkeys reader.
 */
public final class ImageUploads {

	/** The largest upload accepted, 512 KB. */
	public static final int MAX_BYTES = 512 * 1024;

	static {
		registerPlugins();
	}

	private ImageUploads() {
	}

	/**
	 * Registers the image readers found beside the portal's own classes (the WebP reader
	 * of TwelveMonkeys). ImageIO looks for plugins only with the context class loader of
	 * the thread that first uses it, which in a Spring Boot fat jar or a servlet thread
	 * need not be the one that sees {@code BOOT-INF/lib}; scanning once with the class
	 * loader that loaded this class finds them wherever the first upload comes from.
	 * Uploads are small and in memory, so ImageIO's temporary-file cache is turned off.
	 */
	static void registerPlugins() {
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(ImageUploads.class.getClassLoader());
		try {
			ImageIO.scanForPlugins();
			ImageIO.setUseCache(false);
		}
		finally {
			thread.setContextClassLoader(previous);
		}
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
	 * {@code maxSourceSide} on a side is refused before its pixels are decoded, so a
	 * small file that claims a huge picture (a decompression bomb) costs no memory. Of an
	 * animation (GIF, WebP) the first frame is taken.
	 * @param bytes the upload, already checked with {@link #detectType}
	 * @param maxSourceSide the largest width or height accepted
	 * @param side the largest width or height of the result
	 * @return the PNG
	 * @throws RefusedImageException when the upload is not accepted, with the reason
	 */
	public static byte[] redrawAsPng(byte[] bytes, int maxSourceSide, int side) throws RefusedImageException {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = (in != null) ? ImageIO.getImageReaders(in) : null;
			if (readers == null || !readers.hasNext()) {
				throw new RefusedImageException(Refusal.NOT_READABLE);
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, false, true);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if (width < 1 || height < 1) {
					throw new RefusedImageException(Refusal.DAMAGED);
				}
				if (width > maxSourceSide || height > maxSourceSide || largestWebpFrameSide(bytes) > maxSourceSide) {
					throw new RefusedImageException(Refusal.TOO_MANY_PIXELS);
				}
				return scaledPng(reader.read(0), width, height, side);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			// a truncated or malformed image: refused like any other bad upload
			throw new RefusedImageException(Refusal.DAMAGED);
		}
	}

	/**
	 * The largest width or height any frame of a WebP file claims. The reader reports the
	 * canvas of an extended (VP8X) file, but sizes each frame's buffers from the frame's
	 * own header ({@code VP8 }, {@code VP8L}, and the {@code ANMF} frames of an
	 * animation), so a small canvas could wrap a frame that claims a huge picture.
	 * @param bytes the file
	 * @return the largest side claimed, 0 when the file is not WebP
	 */
	static int largestWebpFrameSide(byte[] bytes) {
		if (!detectType(bytes).filter("image/webp"::equals).isPresent()) {
			return 0;
		}
		return largestFrameSide(bytes, 12, bytes.length);
	}

	private static int largestFrameSide(byte[] bytes, int from, int to) {
		int largest = 0;
		int at = from;
		while (at + 8 <= to) {
			String fourcc = new String(bytes, at, 4, StandardCharsets.US_ASCII);
			long size = littleEndian(bytes, at + 4, 4);
			int data = at + 8;
			int end = (int) Math.min(to, data + size);
			switch (fourcc) {
				case "VP8 " -> {
					// frame tag (3 bytes), start code (3), then 14-bit width and height
					if (data + 10 <= end) {
						largest = Math.max(largest, (int) Math.max(littleEndian(bytes, data + 6, 2) & 0x3FFF,
								littleEndian(bytes, data + 8, 2) & 0x3FFF));
					}
				}
				case "VP8L" -> {
					// signature byte, then width - 1 and height - 1 in 14 bits each
					if (data + 5 <= end) {
						long bits = littleEndian(bytes, data + 1, 4);
						largest = Math.max(largest, (int) Math.max((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1));
					}
				}
				case "ANMF" -> {
					// x, y, width - 1, height - 1 (3 bytes each), duration (3), flags
					// (1),
					// then the frame's own chunks
					if (data + 16 <= end) {
						largest = Math.max(largest, (int) Math.max(littleEndian(bytes, data + 6, 3) + 1,
								littleEndian(bytes, data + 9, 3) + 1));
						largest = Math.max(largest, largestFrameSide(bytes, data + 16, end));
					}
				}
				default -> {
				}
			}
			long next = data + size + (size & 1);
			if (next > to) {
				break;
			}
			at = (int) next;
		}
		return largest;
	}

	private static long littleEndian(byte[] bytes, int at, int length) {
		long value = 0;
		for (int i = length - 1; i >= 0; i--) {
			value = (value << 8) | (bytes[at + i] & 0xFF);
		}
		return value;
	}

	private static byte[] scaledPng(BufferedImage source, int width, int height, int side) throws IOException {
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
			throw new IOException("No PNG writer");
		}
		return out.toByteArray();
	}

	/**
	 * Why an image upload is refused.
	 */
	public enum Refusal {

		/** Not an image of a format the portal reads. */
		NOT_READABLE,
		/** Larger than allowed on a side (read from the header). */
		TOO_MANY_PIXELS,
		/** The header or the pixel data is damaged or cut short. */
		DAMAGED

	}

	/**
	 * An image upload that is not accepted, and why.
	 */
	public static final class RefusedImageException extends Exception {

		private static final long serialVersionUID = 1L;

		private final Refusal reason;

		RefusedImageException(Refusal reason) {
			super(reason.name(), null, false, false);
			this.reason = reason;
		}

		public Refusal reason() {
			return this.reason;
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
