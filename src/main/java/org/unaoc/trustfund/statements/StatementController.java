package org.unaoc.trustfund.statements;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unaoc.trustfund.security.Viewer;
import org.unaoc.trustfund.system.Problem;

/**
 * {@code GET /api/statements/{name}?from=&to=} or {@code ?asOf=}, as JSON, CSV or PDF by
 * {@code format} or the Accept header. Without dates: the current year to date.
 */
@RestController
@RequestMapping("/api/statements")
class StatementController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Statements statements;

    StatementController(Statements statements) {
        this.statements = statements;
    }

    @GetMapping("/{name}")
    ResponseEntity<?> statement(@PathVariable String name, @RequestParam(required = false) @Nullable LocalDate from,
                                @RequestParam(required = false) @Nullable LocalDate to,
                                @RequestParam(required = false) @Nullable LocalDate asOf,
                                @RequestParam(required = false) @Nullable String format,
                                @RequestParam(required = false) @Nullable String by,
                                @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept,
                                Viewer viewer, Principal user) {
        LocalDate until = to != null ? to : asOf != null ? asOf : Statements.untilByDefault(name, LocalDate.now(ZoneOffset.UTC));
        StatementRequest request = new StatementRequest(from != null ? from : until.withDayOfYear(1), until, viewer, by);
        String chosen = format != null ? format : accept != null && accept.contains("text/csv") ? "csv"
                : accept != null && accept.contains("application/pdf") ? "pdf" : "json";
        String file = name + "_" + request.from() + "_" + request.to();
        return switch (chosen) {
            case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(statements.json(name, request));
            case "csv" -> ResponseEntity.ok().contentType(CSV).header(HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment().filename(file + ".csv").build().toString())
                    .body(CsvStatement.render(statements.table(name, request)).getBytes(StandardCharsets.UTF_8));
            case "pdf" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).header(HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment().filename(file + ".pdf").build().toString())
                    .body(PdfStatement.render(statements.table(name, request), user.getName()));
            default -> throw Problem.invalidField("format", "'" + chosen + "' is not one of json, csv, pdf");
        };
    }
}
