package com.rapport.portal.member;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import com.rapport.community.member.Viewer;
import com.rapport.portal.support.FormToken;
import com.rapport.portal.support.PortalIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Uploading a picture through the web stack: PNG, JPEG, GIF and WebP (lossy, lossless,
 * with alpha, animated) are redrawn and served as PNG; every refused upload says why and
 * leaves the earlier picture in place. The WebP files are made by
 * {@code src/test/resources/avatars/make-samples.sh}.
 */
class AvatarUploadIntegrationTest extends PortalIntegrationTest {

	@Autowired
	WebApplicationContext context;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
	}

	@Test
	void aPngIsCheckedRedrawnAndServedWithACacheHeader() throws Exception {
		Viewer member = testData().member("picture");
		upload(member, "evil.png", "<svg onload=alert(1)></svg>".getBytes(StandardCharsets.UTF_8))
			.andExpect(flash().attribute("error", "avatar.refused.format"));
		upload(member, "huge.png", png(5000, 2)).andExpect(flash().attribute("error", "avatar.refused.pixels"));
		this.mvc.perform(get("/u/{name}/avatar.png", member.username())).andExpect(status().isNotFound());

		upload(member, "me.png", png(800, 400)).andExpect(flash().attribute("message", "avatar.saved"));
		BufferedImage image = served(member);
		assertThat(image.getWidth()).as("resized").isEqualTo(256);
		assertThat(image.getHeight()).isEqualTo(128);
		this.mvc.perform(get("/u/{name}", member.username()))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("/avatar.png?v=1")));

		this.mvc.perform(post("/account/avatar/delete").with(as(member)).with(FormToken.from(this.mvc)))
			.andExpect(flash().attribute("message", "avatar.removed"));
		this.mvc.perform(get("/u/{name}/avatar.png", member.username())).andExpect(status().isNotFound());
	}

	@Test
	void lossyLosslessTransparentAndAnimatedWebpAreAccepted() throws Exception {
		Viewer member = testData().member("webp");
		upload(member, "lossy.webp", sample("lossy.webp")).andExpect(flash().attribute("message", "avatar.saved"));
		BufferedImage lossy = served(member);
		assertThat(lossy.getWidth()).isEqualTo(40);
		assertThat(lossy.getHeight()).isEqualTo(20);
		// the sample is a gradient from black on the left to red on the right
		assertThat((lossy.getRGB(38, 10) >> 16) & 0xFF).isGreaterThan(200);

		for (String name : new String[] { "lossless-alpha.webp", "lossy-alpha.webp" }) {
			upload(member, name, sample(name)).andExpect(flash().attribute("message", "avatar.saved"));
			BufferedImage transparent = served(member);
			assertThat(transparent.getWidth()).as(name).isEqualTo(24);
			// the samples' alpha is a checkerboard of 4-pixel bands: (0, 0) clear, (5, 0)
			// opaque
			assertThat(transparent.getRGB(0, 0) >>> 24).as(name + " transparent corner").isLessThan(16);
			assertThat(transparent.getRGB(5, 0) >>> 24).as(name + " opaque pixel").isGreaterThan(240);
		}

		upload(member, "animated.webp", sample("animated.webp"))
			.andExpect(flash().attribute("message", "avatar.saved"));
		BufferedImage firstFrame = served(member);
		assertThat(firstFrame.getWidth()).isEqualTo(40);
		assertThat(firstFrame.getRGB(0, 0) >>> 24).as("the first frame is opaque, the second is not").isEqualTo(255);
	}

	@Test
	void aDamagedOrOversizedWebpIsRefusedWithItsReasonAndChangesNothing() throws Exception {
		Viewer member = testData().member("badwebp");
		upload(member, "lossy.webp", sample("lossy.webp")).andExpect(flash().attribute("message", "avatar.saved"));
		byte[] before = servedBytes(member);

		upload(member, "truncated.webp", sample("truncated.webp"))
			.andExpect(flash().attribute("error", "avatar.refused.damaged"));
		// a real 5000 x 8 image, and a 172-byte file whose header claims 16384 x 16384:
		// both refused from the header, the second before its pixels are decoded
		upload(member, "too-wide.webp", sample("too-wide.webp"))
			.andExpect(flash().attribute("error", "avatar.refused.pixels"));
		upload(member, "bomb.webp", sample("bomb-header.webp"))
			.andExpect(flash().attribute("error", "avatar.refused.pixels"));
		byte[] tooBig = new byte[600 * 1024];
		System.arraycopy(sample("lossy.webp"), 0, tooBig, 0, 156);
		upload(member, "big.webp", tooBig).andExpect(flash().attribute("error", "avatar.refused.size"));
		byte[] notWebp = sample("lossy.webp");
		notWebp[8] = 'X';
		upload(member, "fake.webp", notWebp).andExpect(flash().attribute("error", "avatar.refused.format"));

		assertThat(servedBytes(member)).as("the earlier picture stays").isEqualTo(before);
		this.mvc.perform(get("/u/{name}", member.username()))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("/avatar.png?v=1")));
	}

	@Test
	void theProfilePageNamesTheAcceptedFormats() throws Exception {
		Viewer member = testData().member("hint");
		this.mvc.perform(get("/account/profile").with(as(member)).header("Accept-Language", "ru"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("PNG, JPEG, WebP или GIF")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("image/webp")));
	}

	private org.springframework.test.web.servlet.ResultActions upload(Viewer member, String name, byte[] bytes)
			throws Exception {
		return this.mvc.perform(multipart("/account/avatar")
			.file(new MockMultipartFile("avatar", name, "application/octet-stream", bytes))
			.with(as(member))
			.with(FormToken.from(this.mvc)));
	}

	private BufferedImage served(Viewer member) throws Exception {
		return ImageIO.read(new ByteArrayInputStream(servedBytes(member)));
	}

	private byte[] servedBytes(Viewer member) throws Exception {
		return this.mvc.perform(get("/u/{name}/avatar.png", member.username()))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/png"))
			.andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("max-age=")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	static byte[] sample(String name) throws IOException {
		try (InputStream in = AvatarUploadIntegrationTest.class.getResourceAsStream("/avatars/" + name)) {
			assertThat(in).as(name).isNotNull();
			return in.readAllBytes();
		}
	}

	private static byte[] png(int width, int height) throws Exception {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	private static RequestPostProcessor as(Viewer viewer) {
		String[] roles = viewer.roles().stream().map(Enum::name).toArray(String[]::new);
		return user(viewer.username()).roles(roles);
	}

}
