package org.unaoc.trustfund.projections;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unaoc.trustfund.system.Problem;

/** The financing section of the Group's report, as PDF, HTML or Markdown. */
@RestController
@RequestMapping("/api/reports")
class ReportController {

    private final FinancingSection section;

    ReportController(FinancingSection section) {
        this.section = section;
    }

    @GetMapping("/financing-section")
    ResponseEntity<byte[]> financingSection(@RequestParam(required = false) @Nullable LocalDate asOf,
                                            @RequestParam(defaultValue = "pdf") String format) {
        LocalDate date = asOf != null ? asOf : LocalDate.now(ZoneOffset.UTC);
        FinancingSection.Document document = section.write(date);
        String file = "financing-section_" + date;
        return switch (format) {
            case "pdf" -> attachment(FinancingSectionFormats.pdf(document), MediaType.APPLICATION_PDF, file + ".pdf");
            case "html" -> ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                    .body(FinancingSectionFormats.html(document).getBytes(StandardCharsets.UTF_8));
            case "md" -> attachment(FinancingSectionFormats.markdown(document).getBytes(StandardCharsets.UTF_8),
                    new MediaType("text", "markdown", StandardCharsets.UTF_8), file + ".md");
            default -> throw Problem.invalidField("format", "'" + format + "' is not one of pdf, html, md");
        };
    }

    private static ResponseEntity<byte[]> attachment(byte[] body, MediaType type, String file) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .body(body);
    }
}
