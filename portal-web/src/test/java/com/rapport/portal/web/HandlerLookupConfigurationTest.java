package com.rapport.portal.web;

import java.util.Map;

import com.rapport.portal.web.HandlerLookupConfiguration.LookupHandlerMapping;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HandlerLookupConfigurationTest {

	private final LookupHandlerMapping mapping = new LookupHandlerMapping();

	@BeforeEach
	void mapTheTestController() {
		StaticWebApplicationContext context = new StaticWebApplicationContext();
		context.registerSingleton("pages", Pages.class);
		this.mapping.setApplicationContext(context);
		this.mapping.afterPropertiesSet();
	}

	@Test
	void theMethodOfAPathWithVariablesIsFoundAndItsPatternAndVariablesReachTheRequest() throws Exception {
		MockHttpServletRequest request = request("GET", "/t/hello-world/42");
		HandlerExecutionChain chain = this.mapping.getHandler(request);
		assertThat(((HandlerMethod) chain.getHandler()).getMethod().getName()).isEqualTo("topic");
		assertThat(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE)).isEqualTo("/t/{slug}/{id}");
		assertThat(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE))
			.isEqualTo(Map.of("slug", "hello-world", "id", "42"));
	}

	@Test
	void theRequestMethodStillChoosesBetweenMappingsOfOnePath() throws Exception {
		assertThat(
				((HandlerMethod) this.mapping.getHandler(request("POST", "/s/nps")).getHandler()).getMethod().getName())
			.isEqualTo("answer");
		assertThat(
				((HandlerMethod) this.mapping.getHandler(request("GET", "/s/nps")).getHandler()).getMethod().getName())
			.isEqualTo("survey");
		assertThatExceptionOfType(HttpRequestMethodNotSupportedException.class)
			.isThrownBy(() -> this.mapping.getHandler(request("POST", "/t/a/1")));
		assertThat(this.mapping.getHandler(request("GET", "/nowhere"))).isNull();
	}

	private static MockHttpServletRequest request(String method, String path) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		ServletRequestPathUtils.parseAndCache(request);
		return request;
	}

	@Controller
	static class Pages {

		@GetMapping("/t/{slug}/{id}")
		String topic(@PathVariable String slug, @PathVariable long id) {
			return "topic";
		}

		@GetMapping("/s/{key}")
		String survey(@PathVariable String key) {
			return "survey";
		}

		@PostMapping("/s/{key}")
		String answer(@PathVariable String key) {
			return "answer";
		}

	}

}
