package com.rapport.portal.web;

import java.lang.reflect.Method;

import com.rapport.portal.web.HandlerLookupConfiguration.LookupHandlerMapping;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.server.PathContainer;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.context.support.GenericWebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.util.ServletRequestPathUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The handler lookup that passes over mappings by their first literal segment finds the
 * same method as a full test of every mapping would.
 */
class HandlerLookupUnitTest {

	private LookupHandlerMapping mapping;

	@BeforeEach
	void setUp() {
		GenericWebApplicationContext context = new GenericWebApplicationContext();
		context.registerBean(Routes.class);
		context.refresh();
		this.mapping = new LookupHandlerMapping();
		this.mapping.setApplicationContext(context);
		this.mapping.afterPropertiesSet();
	}

	@Test
	void literalFirstSegmentsOfPatterns() {
		assertThat(LookupHandlerMapping.firstSegment("/s/{key}")).isEqualTo("s");
		assertThat(LookupHandlerMapping.firstSegment("/staff")).isEqualTo("staff");
		assertThat(LookupHandlerMapping.firstSegment("/{slug}/x")).isNull();
		assertThat(LookupHandlerMapping.firstSegment("/s*/x")).isNull();
		assertThat(LookupHandlerMapping.firstSegment("/**")).isNull();
		assertThat(LookupHandlerMapping.firstSegment("/")).isNull();
		assertThat(LookupHandlerMapping.firstSegment("")).isNull();
		assertThat(LookupHandlerMapping.firstSegment("/a%20b/x")).isNull();
	}

	@Test
	void firstSegmentOfAPathIsDecodedWithoutParameters() {
		assertThat(HandlerLookupConfiguration.LookupRequest.firstSegment(PathContainer.parsePath("/s/demo")))
			.isEqualTo("s");
		assertThat(HandlerLookupConfiguration.LookupRequest.firstSegment(PathContainer.parsePath("/%73;p=1/demo")))
			.isEqualTo("s");
		assertThat(HandlerLookupConfiguration.LookupRequest.firstSegment(PathContainer.parsePath(""))).isNull();
	}

	@Test
	void findsTheSameMethodsAsAFullLookup() throws Exception {
		assertThat(handler("POST", "/s/demo")).isEqualTo("answer");
		assertThat(handler("GET", "/s/demo")).isEqualTo("show");
		assertThat(handler("GET", "/s")).isEqualTo("list");
		// a first segment that no literal pattern has still reaches the patterns that
		// start with a variable
		assertThat(handler("GET", "/other/demo")).isEqualTo("anyFirst");
		// patterns compare decoded segments without path parameters, and so does the
		// shortcut
		assertThat(handler("POST", "/%73/demo")).isEqualTo("answer");
		assertThat(handler("POST", "/s;p=1/demo")).isEqualTo("answer");
		assertThat(handler("GET", "/S/demo")).isEqualTo("anyFirst");
		assertThat(handler("GET", "/")).isEqualTo("home");
		assertThat(handler("GET", "/nothing/here/at/all")).isNull();
	}

	private String handler(String method, String uri) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
		ServletRequestPathUtils.parseAndCache(request);
		HandlerExecutionChain chain = this.mapping.getHandler(request);
		if (chain == null) {
			return null;
		}
		Method found = ((HandlerMethod) chain.getHandler()).getMethod();
		return found.getName();
	}

	@Controller
	static class Routes {

		@GetMapping("/")
		void home() {
		}

		@GetMapping("/s")
		void list() {
		}

		@GetMapping("/s/{key}")
		void show() {
		}

		@PostMapping("/s/{key}")
		void answer() {
		}

		@GetMapping("/{first}/{second}")
		void anyFirst() {
		}

	}

}
