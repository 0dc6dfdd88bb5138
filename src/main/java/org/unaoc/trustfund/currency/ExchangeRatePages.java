package org.unaoc.trustfund.currency;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.unaoc.trustfund.approvals.Approvals;
import org.unaoc.trustfund.system.Problem;
import org.unaoc.trustfund.web.Forms;
import org.unaoc.trustfund.web.Listing;
import org.unaoc.trustfund.web.Refusal;
import org.unaoc.trustfund.web.WebPage;

/**
 * The UN operational rates of exchange: the list, a rate added by hand, a CSV file of rates. A
 * change to a rate that posted entries used waits for approval.
 */
@WebPage
class ExchangeRatePages {

    private static final Map<String, Comparator<ExchangeRates.PublishedRate>> COLUMNS = Map.of(
            "currency", Comparator.comparing(ExchangeRates.PublishedRate::currency)
                    .thenComparing(ExchangeRates.PublishedRate::effectiveFrom),
            "effectiveFrom", Comparator.comparing(ExchangeRates.PublishedRate::effectiveFrom)
                    .thenComparing(ExchangeRates.PublishedRate::currency));

    private final ExchangeRates rates;
    private final Approvals approvals;
    private final RateCorrection correction;

    ExchangeRatePages(ExchangeRates rates, Approvals approvals, RateCorrection correction) {
        this.rates = rates;
        this.approvals = approvals;
        this.correction = correction;
    }

    @GetMapping("/exchange-rates")
    String list(@RequestParam Map<String, String> parameters, Model model) {
        String currency = parameters.get("currency") == null || parameters.get("currency").isBlank() ? null
                : parameters.get("currency").trim().toUpperCase(Locale.ROOT);
        model.addAttribute("currency", currency);
        model.addAttribute("rates", Listing.of(rates.list(currency), COLUMNS, "effectiveFrom", true, parameters,
                "/exchange-rates"));
        return "currency/exchange-rates";
    }

    @PostMapping("/exchange-rates")
    String add(@RequestParam(required = false) @Nullable String rateCurrency, @RequestParam(required = false) @Nullable String effectiveFrom,
               @RequestParam(required = false) @Nullable String rate, Principal user, Model model, HttpServletResponse response) {
        return Refusal.redirectOrForm(response, Map.of(), () -> {
            ExchangeRates.PublishedRate published = rates.checked(new ExchangeRates.PublishedRate(
                    Forms.required(rateCurrency, "rateCurrency", "the currency (ISO 4217)").toUpperCase(Locale.ROOT),
                    Forms.date(effectiveFrom, "effectiveFrom"), Forms.amount(rate, "rate")));
            if (rates.correctsUsedRate(published)) {
                return "/approvals/" + approvals.request(correction, published, user.getName()).approval() + "?requested";
            }
            rates.add(published, user.getName());
            return "/exchange-rates?added=" + published.currency();
        }, refusal -> {
            model.addAttribute("refusal", Refusal.field(refusal, Map.of("currency", "rateCurrency")));
            model.addAttribute("rateCurrency", rateCurrency);
            model.addAttribute("effectiveFrom", effectiveFrom);
            model.addAttribute("rate", rate);
            return list(Map.of(), model);
        });
    }

    @PostMapping("/exchange-rates/import")
    String importCsv(@RequestParam(required = false) @Nullable MultipartFile file, Principal user, Model model,
                     HttpServletResponse response) {
        return Refusal.redirectOrForm(response, Map.of(), () -> {
            if (file == null || file.isEmpty()) {
                throw Problem.invalidField("file", "is missing: choose a CSV file (currency,effectiveFrom,rate)");
            }
            int imported;
            try {
                imported = rates.importCsv(new String(file.getBytes(), StandardCharsets.UTF_8), user.getName()).size();
            } catch (java.io.IOException e) {
                throw Problem.invalidField("file", "could not be read; send it again");
            }
            return "/exchange-rates?imported=" + imported;
        }, refusal -> {
            model.addAttribute("refusal", refusal);
            return list(Map.of(), model);
        });
    }
}
