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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/exchange-rates")
class ExchangeRateController {

    private final ExchangeRates rates;

    ExchangeRateController(ExchangeRates rates) {
        this.rates = rates;
    }

    @GetMapping
    List<ExchangeRates.PublishedRate> list(@RequestParam(required = false) @Nullable String currency) {
        return rates.list(currency);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ExchangeRates.PublishedRate add(@RequestBody ExchangeRates.PublishedRate rate, Principal user) {
        return rates.add(rate, user.getName());
    }

    record Imported(int rates) {
    }

    @PostMapping(path = "/import", consumes = {"text/csv", "text/plain"})
    Imported importCsv(@RequestBody String csv, Principal user) {
        return new Imported(rates.importCsv(csv, user.getName()).size());
    }
}
