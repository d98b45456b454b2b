package com.rapport.portal.mod;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.rapport.community.member.RejectedException;
import com.rapport.community.moderation.AuditEntry;
import com.rapport.community.moderation.AuditLog;
import com.rapport.community.moderation.AuditQuery;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log: filter by actor, action, target and dates, page newest first by keyset,
 * export what matches as CSV.
 */
@Controller
class AuditLogController {

	private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")
		.withZone(ZoneOffset.UTC);

	private final AuditLog audit;

	AuditLogController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/mod/log")
	String log(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String targetType, @RequestParam(required = false) String targetId,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) Long before, Model model) {
		model.addAttribute("actor", actor);
		model.addAttribute("action", action);
		model.addAttribute("targetType", targetType);
		model.addAttribute("targetId", targetId);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("actions", this.audit.actions());
		try {
			AuditQuery query = query(actor, action, targetType, targetId, from, to);
			model.addAttribute("page", this.audit.page(query, before));
		}
		catch (RejectedException rejected) {
			model.addAttribute("filterError", rejected.fieldErrors().values().iterator().next());
			model.addAttribute("page", new AuditLog.AuditPage(java.util.List.of(), null));
		}
		return "mod/log";
	}

	/**
	 * Every matching entry as CSV (RFC 4180, UTF-8 with a byte order mark so that
	 * spreadsheet programs read the non-Latin text right), written as it is read.
	 */
	@GetMapping("/mod/log.csv")
	void export(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String targetType, @RequestParam(required = false) String targetId,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			HttpServletResponse response) throws IOException {
		AuditQuery query;
		try {
			query = query(actor, action, targetType, targetId, from, to);
		}
		catch (RejectedException rejected) {
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader("Content-Disposition",
				"attachment; filename=\"audit-log-" + FILE_DATE.format(java.time.Instant.now()) + ".csv\"");
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		CSVFormat format = CSVFormat.RFC4180.builder()
			.setHeader("id", "time_utc", "actor_id", "actor", "action", "target_type", "target_id", "target", "reason",
					"before", "after", "redacted")
			.get();
		try (CSVPrinter csv = new CSVPrinter(writer, format)) {
			this.audit.forEach(query, (entry) -> print(csv, entry));
		}
	}

	private static void print(CSVPrinter csv, AuditEntry entry) {
		try {
			csv.printRecord(entry.id(), entry.createdAt().toString(), entry.actorId(), entry.actorUsername(),
					entry.action(), entry.targetType(), entry.targetId(), entry.targetLabel(), entry.reason(),
					entry.before(), entry.after(), entry.redacted());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static AuditQuery query(String actor, String action, String targetType, String targetId, String from, String to) {
		Long id = null;
		if (targetId != null && !targetId.isBlank()) {
			try {
				id = Long.valueOf(targetId.strip().replace("#", ""));
			}
			catch (NumberFormatException ex) {
				throw new RejectedException("targetId", "mod.log.badTargetId");
			}
		}
		LocalDate first = Flash.day(from, "from");
		LocalDate last = Flash.day(to, "to");
		if (first != null && last != null && last.isBefore(first)) {
			throw new RejectedException("to", "mod.log.badRange");
		}
		return new AuditQuery(actor, action, targetType, id, first, last);
	}

}
