package org.unaoc.trustfund.currency;

import java.security.Principal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unaoc.trustfund.system.IdempotencyKeyRequired;

@RestController
@RequestMapping("/api/exchange-rates")
class ExchangeRateController {

    private final ExchangeRates rates;
    private final RateCorrection correction;
    private final org.unaoc.trustfund.approvals.Approvals approvals;

    ExchangeRateController(ExchangeRates rates, RateCorrection correction, org.unaoc.trustfund.approvals.Approvals approvals) {
        this.rates = rates;
        this.correction = correction;
        this.approvals = approvals;
    }

    @GetMapping
    List<ExchangeRates.PublishedRate> list(@RequestParam(required = false) @Nullable String currency) {
        return rates.list(currency);
    }

    /** A new rate: 201. A change to a rate posted entries used: 202, waiting for approval. */
    @PostMapping
    @IdempotencyKeyRequired
    org.springframework.http.ResponseEntity<?> add(@RequestBody ExchangeRates.PublishedRate rate, Principal user) {
        if (rates.correctsUsedRate(rates.checked(rate))) {
            return org.springframework.http.ResponseEntity.accepted().body(approvals.request(correction, rate, user.getName()));
        }
        return org.springframework.http.ResponseEntity.status(HttpStatus.CREATED).body(rates.add(rate, user.getName()));
    }

    record Imported(int rates) {
    }

    @PostMapping(path = "/import", consumes = {"text/csv", "text/plain"})
    @IdempotencyKeyRequired
    Imported importCsv(@RequestBody String csv, Principal user) {
        return new Imported(rates.importCsv(csv, user.getName()).size());
    }
}
