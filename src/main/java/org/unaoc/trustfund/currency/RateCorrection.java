package org.unaoc.trustfund.currency;

import org.springframework.stereotype.Component;
import org.unaoc.trustfund.approvals.ControlledOperation;
import org.unaoc.trustfund.system.Problem;

/** Changing a rate that posted entries already used: a controlled operation (SPEC.md §4). */
@Component
class RateCorrection implements ControlledOperation<ExchangeRates.PublishedRate> {

    private final ExchangeRates rates;

    RateCorrection(ExchangeRates rates) {
        this.rates = rates;
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
        return "Correct the " + rate.currency() + " rate effective " + rate.effectiveFrom() + " to " + rate.rate().toPlainString();
    }

    @Override
    public void check(ExchangeRates.PublishedRate rate, String maker) {
        if (!rates.correctsUsedRate(rates.checked(rate))) {
            throw Problem.invalid("This rate changes no rate used by posted entries: POST it as a new rate.");
        }
    }

    @Override
    public Object execute(ExchangeRates.PublishedRate rate, String maker, String approver, long approval) {
        return rates.correct(rate, maker);
    }
}
