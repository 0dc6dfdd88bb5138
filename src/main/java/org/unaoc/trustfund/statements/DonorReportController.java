package org.unaoc.trustfund.statements;

import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unaoc.trustfund.security.Viewer;
import org.unaoc.trustfund.system.IdempotencyKeyRequired;
import org.unaoc.trustfund.system.Problem;

/**
 * {@code GET /api/reports/donor?contributor=&agreement=&from=&to=&format=json|pdf}: the financial report to
 * a contributor (a donor's or co-sponsor's own by default); {@code POST /api/reports/donor/certification}
 * {@code {contributor, from, to}}: a finance officer certifies it.
 */
@RestController
@RequestMapping("/api/reports/donor")
class DonorReportController {

    record CertificationRequest(@Nullable String contributor, @Nullable LocalDate from, @Nullable LocalDate to) {
    }

    private final DonorReports reports;
    private final StatementFacts facts;

    DonorReportController(DonorReports reports, StatementFacts facts) {
        this.reports = reports;
        this.facts = facts;
    }

    @GetMapping
    ResponseEntity<?> report(@RequestParam(required = false) @Nullable String contributor,
                             @RequestParam(required = false) @Nullable Long agreement,
                             @RequestParam(required = false) @Nullable LocalDate from,
                             @RequestParam(required = false) @Nullable LocalDate to,
                             @RequestParam(defaultValue = "json") String format, Viewer viewer, Principal user) {
        LocalDate until = to != null ? to : LocalDate.now(ZoneOffset.UTC);
        DonorReports.DonorReport report = reports.report(contributor, agreement, from != null ? from : until.withDayOfYear(1),
                until, viewer);
        return switch (format) {
            case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
            case "pdf" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).header(HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment().filename("donor-report_" + report.contributor() + "_" + report.from()
                                    + "_" + report.to() + ".pdf").build().toString())
                    .body(PdfStatement.render(reports.table(report, facts, viewer), user.getName()));
            default -> throw Problem.invalidField("format", "'" + format + "' is not one of json, pdf");
        };
    }

    @PostMapping("/certification")
    @IdempotencyKeyRequired
    ResponseEntity<DonorReports.DonorReport> certify(@RequestBody CertificationRequest request, Viewer viewer) {
        return ResponseEntity.status(HttpStatus.CREATED).body(reports.certify(request.contributor(), request.from(),
                request.to(), viewer));
    }
}
