package org.unaoc.trustfund.currency;

import java.util.List;
import org.springframework.stereotype.Component;
import org.unaoc.trustfund.approvals.ControlledOperation;
import org.unaoc.trustfund.system.Problem;

/** Changing a rate that posted entries already used: a controlled operation (SPEC.md §4). */
@Component
class RateCorrection implements ControlledOperation<ExchangeRates.PublishedRate> {

    private final ExchangeRates rates;
    private final List<RateRestatement> restatements;

    RateCorrection(ExchangeRates rates, List<RateRestatement> restatements) {
        this.rates = rates;
        this.restatements = restatements;
    }

    @Override
    public String name() {
        return "RATE_CORRECTION";
    }

    @Override
    public Class<ExchangeRates.PublishedRate> requestType() {
        return ExchangeRates.PublishedRate.class;
    }

    @Override
    public String summary(ExchangeRates.PublishedRate rate) {
        List<Long> entries = rates.entriesUsingAnother(rates.governed(rates.checked(rate)));
        return "Correct the " + rate.currency() + " rate effective " + rate.effectiveFrom() + " to " + rate.rate().toPlainString()
                + ", adjusting entries " + (entries.size() > 20 ? entries.subList(0, 20) + " and " + (entries.size() - 20) + " more"
                : entries) + " (R16)";
    }

    @Override
    public void check(ExchangeRates.PublishedRate rate, String maker) {
        if (!rates.correctsUsedRate(rates.checked(rate))) {
            throw Problem.invalid("This rate changes no rate used by posted entries: POST it as a new rate.");
        }
        RateRestatement.Corrected corrected = rates.governed(rates.checked(rate));
        restatements.forEach(r -> r.check(corrected));
    }

    @Override
    public Object execute(ExchangeRates.PublishedRate rate, String maker, String approver, long approval) {
        return rates.correct(rate, maker, restatements);
    }
}
