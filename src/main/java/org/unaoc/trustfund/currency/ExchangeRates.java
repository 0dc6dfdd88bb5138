package org.unaoc.trustfund.currency;

import static org.jooq.Records.mapping;
import static org.unaoc.trustfund.db.Tables.EXCHANGE_RATE;
import static org.unaoc.trustfund.db.Tables.JOURNAL_LINE;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unaoc.trustfund.system.DecimalLimits;
import org.unaoc.trustfund.system.Problem;

/**
 * The effective-dated table of UN operational rates, the only source of rates: nothing is ever
 * fetched from the network. A transaction uses the latest rate in effect on its date (C3).
 */
@Service
public class ExchangeRates {

    private static final int MAX_LINES = 100_000;

    private final DSLContext db;

    ExchangeRates(DSLContext db) {
        this.db = db;
    }

    public record PublishedRate(String currency, LocalDate effectiveFrom, BigDecimal rate) {
    }

    /** The rate in effect on the date, or a 422 naming the currency and the date. */
    public Rate on(String currency, LocalDate date) {
        Money.checkedCurrency(currency);
        if (Money.USD.equals(currency)) {
            return Rate.usd();
        }
        return db.select(EXCHANGE_RATE.RATE, EXCHANGE_RATE.EFFECTIVE_FROM)
                .from(EXCHANGE_RATE)
                .where(EXCHANGE_RATE.CURRENCY.eq(currency)).and(EXCHANGE_RATE.EFFECTIVE_FROM.le(date))
                .orderBy(EXCHANGE_RATE.EFFECTIVE_FROM.desc())
                .limit(1)
                .fetchOptional(mapping((rate, from) -> new Rate(currency, rate, from)))
                .orElseThrow(() -> new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "no-exchange-rate", "No exchange rate",
                        "There is no UN operational rate for " + currency + " in effect on " + date
                                + ": load the rate (POST /api/exchange-rates) before recording this transaction.")
                        .with("currency", currency).with("date", date.toString()));
    }

    public List<PublishedRate> list(@Nullable String currency) {
        return db.select(EXCHANGE_RATE.CURRENCY, EXCHANGE_RATE.EFFECTIVE_FROM, EXCHANGE_RATE.RATE)
                .from(EXCHANGE_RATE)
                .where(currency == null ? org.jooq.impl.DSL.noCondition() : EXCHANGE_RATE.CURRENCY.eq(currency))
                .orderBy(EXCHANGE_RATE.CURRENCY, EXCHANGE_RATE.EFFECTIVE_FROM)
                .fetch(mapping(PublishedRate::new));
    }

    @Transactional
    public PublishedRate add(PublishedRate rate, String user) {
        PublishedRate checked = checked(rate.currency(), rate.effectiveFrom(), rate.rate(), "");
        store(List.of(checked), user);
        return checked;
    }

    /** Imports a CSV {@code currency,effectiveFrom,rate}: every line or none. Returns the rates stored. */
    @Transactional
    public List<PublishedRate> importCsv(String csv, String user) {
        List<PublishedRate> rates = new ArrayList<>();
        try {
            CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
            for (CSVRecord record : format.parse(new StringReader(csv))) {
                long line = record.getRecordNumber();
                if (line == 1 && record.get(0).equalsIgnoreCase("currency")) {
                    continue;
                }
                if (record.size() != 3) {
                    throw lineProblem(line, "has " + record.size() + " fields; each line is currency,effectiveFrom,rate");
                }
                if (rates.size() >= MAX_LINES) {
                    throw lineProblem(line, "is past the limit of " + MAX_LINES + " rates in one file");
                }
                rates.add(parse(record, " on line " + line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw Problem.invalid("The CSV cannot be read: " + e.getMessage() + ". Nothing was stored.");
        }
        if (rates.isEmpty()) {
            throw Problem.invalid("The CSV has no rates; send lines currency,effectiveFrom,rate.");
        }
        store(rates, user);
        return rates;
    }

    private static PublishedRate parse(CSVRecord record, String where) {
        LocalDate from;
        BigDecimal rate;
        try {
            from = LocalDate.parse(record.get(1));
        } catch (DateTimeParseException e) {
            throw Problem.invalid("'" + record.get(1) + "'" + where + " is not a date yyyy-MM-dd. Nothing was stored.")
                    .with("line", record.getRecordNumber());
        }
        try {
            rate = new BigDecimal(record.get(2)); // its bounds are checked with the rest, in checked()
        } catch (NumberFormatException e) {
            throw Problem.invalid("'" + record.get(2) + "'" + where + " is not a decimal rate. Nothing was stored.")
                    .with("line", record.getRecordNumber());
        }
        return checked(record.get(0), from, rate, where);
    }

    private static PublishedRate checked(String currency, LocalDate from, BigDecimal rate, String where) {
        try {
            Money.checkedCurrency(currency);
        } catch (Problem problem) {
            throw Problem.invalid(problem.getMessage() + where + ".");
        }
        if (Money.USD.equals(currency)) {
            throw Problem.invalid("USD has no rate: it is the functional currency" + where + ".");
        }
        if (from == null || rate == null) {
            throw Problem.invalid("currency, effectiveFrom and rate are all required" + where + ".");
        }
        if (DecimalLimits.checked(rate, "rate").signum() <= 0 || rate.scale() > 10 || rate.precision() - rate.scale() > 12) {
            throw Problem.invalid("the rate " + rate.toPlainString() + where
                    + " is not a positive number of currency units per USD (at most 10 decimals)");
        }
        return new PublishedRate(currency, from, rate);
    }

    private static Problem lineProblem(long line, String what) {
        return Problem.invalid("Line " + line + " " + what + ". Nothing was stored.").with("line", line);
    }

    /**
     * True when the rate would change what posted entries used: a new value for a rate they used, or
     * a rate published late for dates on which they used an earlier one. A correction: approved, and
     * the entries adjusted (R12, R16).
     */
    public boolean correctsUsedRate(PublishedRate rate) {
        BigDecimal existing = db.select(EXCHANGE_RATE.RATE).from(EXCHANGE_RATE)
                .where(EXCHANGE_RATE.CURRENCY.eq(rate.currency())).and(EXCHANGE_RATE.EFFECTIVE_FROM.eq(rate.effectiveFrom()))
                .fetchOne(EXCHANGE_RATE.RATE);
        if (existing != null && existing.compareTo(rate.rate()) == 0) {
            return false;
        }
        return !entriesUsingAnother(governed(rate)).isEmpty();
    }

    /** The dates the rate governs once stored: up to the next rate published for its currency. */
    public RateRestatement.Corrected governed(PublishedRate rate) {
        LocalDate until = db.select(DSL.min(EXCHANGE_RATE.EFFECTIVE_FROM)).from(EXCHANGE_RATE)
                .where(EXCHANGE_RATE.CURRENCY.eq(rate.currency())).and(EXCHANGE_RATE.EFFECTIVE_FROM.gt(rate.effectiveFrom()))
                .fetchSingle().value1();
        return new RateRestatement.Corrected(rate.currency(), rate.effectiveFrom(), until, rate.rate());
    }

    /** The posted entries with a line converted on those dates at a rate other than the corrected one. */
    public List<Long> entriesUsingAnother(RateRestatement.Corrected corrected) {
        return db.selectDistinct(JOURNAL_LINE.ENTRY_ID).from(JOURNAL_LINE)
                .where(JOURNAL_LINE.CURRENCY.eq(corrected.currency())).and(JOURNAL_LINE.RATE.isNotNull())
                .and(JOURNAL_LINE.ENTRY_DATE.ge(corrected.from()))
                .and(corrected.until() == null ? DSL.noCondition() : JOURNAL_LINE.ENTRY_DATE.lt(corrected.until()))
                .and(JOURNAL_LINE.RATE.ne(corrected.rate()))
                .orderBy(JOURNAL_LINE.ENTRY_ID).fetch(JOURNAL_LINE.ENTRY_ID);
    }

    public PublishedRate checked(PublishedRate rate) {
        return checked(rate.currency(), rate.effectiveFrom(), rate.rate(), "");
    }

    /** An approved correction: the rate stored, then the entries that used another one on its dates adjusted (R16). */
    @Transactional
    public PublishedRate correct(PublishedRate rate, String user, List<RateRestatement> restatements) {
        PublishedRate checked = checked(rate);
        RateRestatement.Corrected corrected = governed(checked);
        restatements.forEach(r -> r.check(corrected));
        db.insertInto(EXCHANGE_RATE).set(EXCHANGE_RATE.CURRENCY, checked.currency())
                .set(EXCHANGE_RATE.EFFECTIVE_FROM, checked.effectiveFrom()).set(EXCHANGE_RATE.RATE, checked.rate())
                .set(EXCHANGE_RATE.CREATED_BY, user)
                .onConflict(EXCHANGE_RATE.CURRENCY, EXCHANGE_RATE.EFFECTIVE_FROM)
                .doUpdate().set(EXCHANGE_RATE.RATE, checked.rate()).set(EXCHANGE_RATE.CREATED_BY, user)
                .execute();
        restatements.forEach(r -> r.restate(corrected, user));
        return checked;
    }

    /** A new rate, or the same rate again; changing a rate already used by a posted entry goes through approval. */
    private void store(List<PublishedRate> rates, String user) {
        for (PublishedRate rate : rates) {
            BigDecimal existing = db.select(EXCHANGE_RATE.RATE).from(EXCHANGE_RATE)
                    .where(EXCHANGE_RATE.CURRENCY.eq(rate.currency())).and(EXCHANGE_RATE.EFFECTIVE_FROM.eq(rate.effectiveFrom()))
                    .fetchOne(EXCHANGE_RATE.RATE);
            if (existing != null && existing.compareTo(rate.rate()) == 0) {
                continue;
            }
            List<Long> using = entriesUsingAnother(governed(rate));
            if (!using.isEmpty()) {
                throw Problem.conflict("rate-in-use", "Rate already used",
                        "Posted entries converted " + rate.currency() + " on the dates the rate effective " + rate.effectiveFrom()
                                + (existing == null ? "" : " (" + existing.toPlainString() + ")") + " governs at another rate; "
                                + rate.rate().toPlainString() + " is a correction that adjusts them, a controlled operation: "
                                + "POST it alone to /api/exchange-rates for approval. Nothing was stored.")
                        .with("entries", using.size() > 50 ? using.subList(0, 50) : using).with("entryCount", using.size());
            }
            db.insertInto(EXCHANGE_RATE)
                    .set(EXCHANGE_RATE.CURRENCY, rate.currency())
                    .set(EXCHANGE_RATE.EFFECTIVE_FROM, rate.effectiveFrom())
                    .set(EXCHANGE_RATE.RATE, rate.rate())
                    .set(EXCHANGE_RATE.CREATED_BY, user)
                    .onConflict(EXCHANGE_RATE.CURRENCY, EXCHANGE_RATE.EFFECTIVE_FROM)
                    .doUpdate().set(EXCHANGE_RATE.RATE, rate.rate()).set(EXCHANGE_RATE.CREATED_BY, user)
                    .execute();
        }
    }

}
