package com.rapport.portal.forum;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rapport.community.category.Category;
import com.rapport.community.category.CategoryService;
import com.rapport.community.member.Viewer;
import com.rapport.community.tag.Tag;
import com.rapport.community.tag.Tags;
import com.rapport.community.topic.FeedEntry;
import com.rapport.community.topic.TopicQueries;
import com.rapport.portal.brand.BrandSettings;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Atom feeds of the newest topics, for the whole forum and per category, as anyone may
 * read them.
 */
@Controller
class FeedController {

	private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

	private static final int ENTRIES = 30;

	private final TopicQueries topics;

	private final CategoryService categories;

	private final BrandSettings brand;

	private final String baseUrl;

	private final Tags tags;

	FeedController(TopicQueries topics, CategoryService categories, BrandSettings brand, Tags tags,
			@Value("${rapport.base-url:}") String baseUrl) {
		this.topics = topics;
		this.categories = categories;
		this.brand = brand;
		this.tags = tags;
		this.baseUrl = baseUrl;
	}

	@GetMapping("/latest.atom")
	ResponseEntity<String> latest() throws FeedException {
		return atom(this.brand.current().name(), "/latest", this.topics.feed(Viewer.ANONYMOUS, null, ENTRIES));
	}

	@GetMapping("/c/{slug}.atom")
	ResponseEntity<String> category(@PathVariable String slug) throws FeedException {
		Category category = this.categories.findBySlug(slug, Viewer.ANONYMOUS)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return atom(category.name() + " · " + this.brand.current().name(), "/c/" + slug,
				this.topics.feed(Viewer.ANONYMOUS, category, ENTRIES));
	}

	@GetMapping("/tag/{name}.atom")
	ResponseEntity<String> tag(@PathVariable String name) throws FeedException {
		Tag tag = this.tags.find(name).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return atom(tag.name() + " · " + this.brand.current().name(),
				"/tag/" + UriUtils.encodePathSegment(tag.name(), "UTF-8"),
				this.topics.feedWithTag(Viewer.ANONYMOUS, tag.id(), ENTRIES));
	}

	private ResponseEntity<String> atom(String title, String path, List<FeedEntry> entries) throws FeedException {
		String base = base();
		Feed feed = new Feed("atom_1.0");
		feed.setId(base + path);
		feed.setTitle(title);
		feed.setAlternateLinks(List.of(link(base + path, "alternate", "text/html")));
		feed.setOtherLinks(List.of(link(base + path + ".atom", "self", "application/atom+xml")));
		feed.setUpdated(entries.isEmpty() ? new Date(0) : Date.from(entries.get(0).updatedAt()));
		List<Entry> items = new ArrayList<>();
		for (FeedEntry topic : entries) {
			String url = base + "/t/" + UriUtils.encodePathSegment(topic.slug(), "UTF-8") + "/" + topic.topicId();
			Entry entry = new Entry();
			entry.setId(url);
			entry.setTitle(topic.title());
			entry.setAlternateLinks(List.of(link(url, "alternate", "text/html")));
			Person author = new Person();
			author.setName(topic.author());
			entry.setAuthors(List.<SyndPerson>of(author));
			entry.setPublished(Date.from(topic.createdAt()));
			entry.setUpdated(Date.from(topic.updatedAt()));
			Content content = new Content();
			content.setType("html");
			content.setValue(topic.html());
			entry.setContents(List.of(content));
			items.add(entry);
		}
		feed.setEntries(items);
		String xml = new WireFeedOutput().outputString(feed);
		return ResponseEntity.ok().contentType(ATOM).cacheControl(CacheControl.noCache()).body(xml);
	}

	private String base() {
		return this.baseUrl.isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
				: this.baseUrl.replaceAll("/+$", "");
	}

	private static Link link(String href, String rel, String type) {
		Link link = new Link();
		link.setHref(href);
		link.setRel(rel);
		link.setType(type);
		return link;
	}

}
