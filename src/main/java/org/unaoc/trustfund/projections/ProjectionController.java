package org.unaoc.trustfund.projections;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/projections")
class ProjectionController {

    private final Projections projections;

    ProjectionController(Projections projections) {
        this.projections = projections;
    }

    /** A scenario of one's own; what is left out takes the base scenario's value. */
    record Custom(@Nullable LocalDate asOf, @Nullable YearMonth until, @Nullable String name,
                  @Nullable Integer collectionDelayMonths, @Nullable BigDecimal announcedShare,
                  @Nullable Boolean announcedInCash, @Nullable Map<String, BigDecimal> fxShock,
                  @Nullable Map<String, BigDecimal> spendingChange) {
    }

    @GetMapping
    Projections.Result project(@RequestParam(required = false) @Nullable LocalDate asOf,
                               @RequestParam(required = false) @Nullable YearMonth until,
                               @RequestParam(required = false) @Nullable String scenario) {
        return projections.project(asOf != null ? asOf : LocalDate.now(ZoneOffset.UTC), until, Scenario.named(scenario));
    }

    @PostMapping
    Projections.Result custom(@RequestBody Custom custom) {
        Scenario scenario = new Scenario(custom.name() == null ? "custom" : custom.name(),
                custom.collectionDelayMonths() == null ? 0 : custom.collectionDelayMonths(),
                custom.announcedShare() == null ? BigDecimal.ONE : custom.announcedShare(),
                Boolean.TRUE.equals(custom.announcedInCash()), custom.fxShock(), custom.spendingChange());
        return projections.project(custom.asOf() != null ? custom.asOf() : LocalDate.now(ZoneOffset.UTC), custom.until(), scenario);
    }
}
