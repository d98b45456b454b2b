package com.rapport.portal.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The WebP reader is found however the thread that first reads an upload was started: in
 * the Spring Boot fat jar the libraries sit in {@code BOOT-INF/lib}, seen only by the
 * application's class loader, not necessarily by a thread's context class loader.
 */
class ImageUploadsUnitTest {

	@Test
	void theWebpReaderIsRegisteredWithTheApplicationsClassLoaderNotTheThreads() throws Exception {
		IIORegistry registry = IIORegistry.getDefaultInstance();
		List<ImageReaderSpi> webp = webpReaders(registry);
		webp.forEach((spi) -> registry.deregisterServiceProvider(spi, ImageReaderSpi.class));
		assertThat(ImageIO.getImageReadersByFormatName("webp").hasNext()).isFalse();

		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		// a context class loader that cannot see the application's libraries, like a
		// thread
		// started by a container
		try (URLClassLoader blind = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
			thread.setContextClassLoader(blind);
			ImageIO.scanForPlugins();
			assertThat(ImageIO.getImageReadersByFormatName("webp").hasNext())
				.as("ImageIO alone finds nothing through such a loader")
				.isFalse();
			ImageUploads.registerPlugins();
			assertThat(ImageIO.getImageReadersByFormatName("webp").hasNext()).isTrue();
			assertThat(thread.getContextClassLoader()).isSameAs(blind);
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	@Test
	void aSmallWebpCanvasWrappingAHugeFrameIsRefusedBeforeDecoding() {
		// an extended file: a 24 × 24 canvas, then a lossless frame that claims 16384 ×
		// 16384
		byte[] file = riff(chunk("VP8X", new byte[] { 0, 0, 0, 0, 23, 0, 0, 23, 0, 0 }),
				chunk("VP8L", new byte[] { 0x2f, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F }));
		assertThat(ImageUploads.largestWebpFrameSide(file)).isEqualTo(16384);
		assertThatExceptionOfType(ImageUploads.RefusedImageException.class)
			.isThrownBy(() -> ImageUploads.redrawAsPng(file, 4096, 256))
			.extracting(ImageUploads.RefusedImageException::reason)
			.isEqualTo(ImageUploads.Refusal.TOO_MANY_PIXELS);
	}

	@Test
	void theFramesOfAnAnimationAreMeasuredToo() {
		// an animation frame of 9000 × 2 at (0, 0), lasting 100 ms, holding a 2 × 2 frame
		byte[] header = { 0, 0, 0, 0, 0, 0, (byte) 0x27, (byte) 0x23, 0, 1, 0, 0, 100, 0, 0, 0 };
		byte[] inner = chunk("VP8L", new byte[] { 0x2f, 1, 0x40, 0, 0 });
		byte[] frame = new byte[header.length + inner.length];
		System.arraycopy(header, 0, frame, 0, header.length);
		System.arraycopy(inner, 0, frame, 16, inner.length);
		byte[] file = riff(chunk("VP8X", new byte[] { 2, 0, 0, 0, 9, 0, 0, 9, 0, 0 }), chunk("ANMF", frame));
		assertThat(ImageUploads.largestWebpFrameSide(file)).isEqualTo(9000);
	}

	@Test
	void theSidesOfRealSamplesAreTheirOwn() throws Exception {
		for (String sample : List.of("lossy.webp", "lossless-alpha.webp", "animated.webp")) {
			byte[] bytes = getClass().getResourceAsStream("/avatars/" + sample).readAllBytes();
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
			assertThat(ImageUploads.largestWebpFrameSide(bytes)).as(sample)
				.isEqualTo(Math.max(image.getWidth(), image.getHeight()));
		}
	}

	private static byte[] chunk(String fourcc, byte[] data) {
		byte[] chunk = new byte[8 + data.length + (data.length & 1)];
		System.arraycopy(fourcc.getBytes(StandardCharsets.US_ASCII), 0, chunk, 0, 4);
		chunk[4] = (byte) data.length;
		chunk[5] = (byte) (data.length >> 8);
		System.arraycopy(data, 0, chunk, 8, data.length);
		return chunk;
	}

	private static byte[] riff(byte[]... chunks) {
		int length = 12;
		for (byte[] chunk : chunks) {
			length += chunk.length;
		}
		byte[] file = new byte[length];
		System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, file, 0, 4);
		int size = length - 8;
		file[4] = (byte) size;
		file[5] = (byte) (size >> 8);
		System.arraycopy("WEBP".getBytes(StandardCharsets.US_ASCII), 0, file, 8, 4);
		int at = 12;
		for (byte[] chunk : chunks) {
			System.arraycopy(chunk, 0, file, at, chunk.length);
			at += chunk.length;
		}
		return file;
	}

	private static List<ImageReaderSpi> webpReaders(IIORegistry registry) {
		List<ImageReaderSpi> found = new ArrayList<>();
		Iterator<ImageReaderSpi> all = registry.getServiceProviders(ImageReaderSpi.class, true);
		all.forEachRemaining((spi) -> {
			for (String name : spi.getFormatNames()) {
				if ("webp".equalsIgnoreCase(name)) {
					found.add(spi);
					return;
				}
			}
		});
		return found;
	}

}
