package com.rapport.portal.web;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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
