package org.unaoc.trustfund.contributions;

import static org.unaoc.trustfund.db.Tables.AGREEMENT;
import static org.unaoc.trustfund.db.Tables.CONTRIBUTOR;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.unaoc.trustfund.currency.Money;
import org.unaoc.trustfund.ledger.Account;

/**
 * Whose is a statement credit: the agreement reference in the remittance text; else the
 * contributor by IBAN or name and an open tranche of exactly that amount, or its only open
 * agreement in that currency. What cannot be placed goes to 2190, with the contributor proposed.
 */
@Component
class StatementMatcher {

    private final DSLContext db;
    private final AgreementViews agreements;

    StatementMatcher(DSLContext db, AgreementViews agreements) {
        this.db = db;
        this.agreements = agreements;
    }

    record Match(int line, Receipts.NewReceipt receipt, String how, @Nullable String proposedContributor) {
    }

    /** The references, IBANs and names to match against, read once per statement. */
    private record Known(List<org.jooq.Record2<Long, String>> agreements, List<org.jooq.Record3<String, String, String[]>> contributors,
                         java.util.Map<String, List<Open>> open) {
    }

    private final ThreadLocal<Known> known = new ThreadLocal<>();

    /** Matches every line of one statement against what the books know when it starts. */
    List<Match> matchAll(List<ParsedStatement.Line> lines, List<String> references, Account bank) {
        known.set(new Known(db.select(AGREEMENT.ID, AGREEMENT.REFERENCE).from(AGREEMENT).fetch(),
                db.select(CONTRIBUTOR.CODE, CONTRIBUTOR.NAME, CONTRIBUTOR.IBANS).from(CONTRIBUTOR).fetch(),
                new java.util.HashMap<>()));
        try {
            List<Match> matches = new java.util.ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                matches.add(match(lines.get(i), references.get(i), bank));
            }
            return matches;
        } finally {
            known.remove();
        }
    }

    Match match(ParsedStatement.Line line, String reference, Account bank) {
        Money amount = new Money(line.amount(), line.currency());
        Long agreement = byReference(line.remittance());
        String how = "AGREEMENT_REFERENCE";
        Integer tranche = null;
        String contributor = agreement != null ? null : byIban(line.payerIban());
        if (agreement == null && contributor == null) {
            contributor = byName(line.payerName());
        }
        if (agreement == null && contributor != null) {
            var open = openTranches(contributor, line.currency());
            var exact = open.stream().filter(t -> t.tranche().outstanding().amount().compareTo(line.amount()) == 0).toList();
            if (exact.size() == 1) {
                agreement = exact.getFirst().agreement().id();
                tranche = exact.getFirst().tranche().number();
                how = "CONTRIBUTOR_AND_AMOUNT";
            } else if (open.stream().map(t -> t.agreement().id()).distinct().count() == 1) {
                agreement = open.getFirst().agreement().id();
                how = "CONTRIBUTOR_SOLE_AGREEMENT";
            }
        }
        if (agreement == null) {
            how = "UNAPPLIED";
        }
        Receipts.NewReceipt receipt = new Receipts.NewReceipt(null, agreement, tranche, null, amount, line.bookedOn(),
                bank.code(), reference, null, line.remittance(), line.payerName(), line.payerIban());
        return new Match(line.number(), receipt, how, contributor);
    }

    private @Nullable Long byReference(@Nullable String remittance) {
        if (remittance == null || remittance.isBlank()) {
            return null;
        }
        String text = remittance.toUpperCase(Locale.ROOT);
        var agreements = known.get() != null ? known.get().agreements()
                : db.select(AGREEMENT.ID, AGREEMENT.REFERENCE).from(AGREEMENT).fetch();
        List<Long> found = agreements.stream()
                .filter(r -> text.contains(r.value2().toUpperCase(Locale.ROOT))).map(r -> r.value1()).toList();
        return found.size() == 1 ? found.getFirst() : null;
    }

    private @Nullable String byIban(@Nullable String iban) {
        if (iban == null) {
            return null;
        }
        String plain = iban.replace(" ", "").toUpperCase(Locale.ROOT);
        var contributors = known.get() != null ? known.get().contributors()
                : db.select(CONTRIBUTOR.CODE, CONTRIBUTOR.NAME, CONTRIBUTOR.IBANS).from(CONTRIBUTOR).fetch();
        List<String> found = contributors.stream().filter(c -> java.util.Arrays.asList(c.value3()).contains(plain))
                .map(c -> c.value1()).toList();
        return found.size() == 1 ? found.getFirst() : null;
    }

    private @Nullable String byName(@Nullable String name) {
        if (name == null || name.strip().length() < 4) {
            return null;
        }
        String payer = name.toLowerCase(Locale.ROOT);
        var contributors = known.get() != null ? known.get().contributors()
                : db.select(CONTRIBUTOR.CODE, CONTRIBUTOR.NAME, CONTRIBUTOR.IBANS).from(CONTRIBUTOR).fetch();
        List<String> found = contributors.stream()
                .filter(r -> r.value2().length() >= 4 && payer.contains(r.value2().toLowerCase(Locale.ROOT)))
                .map(r -> r.value1()).toList();
        return found.size() == 1 ? found.getFirst() : null;
    }

    private record Open(AgreementViews.Agreement agreement, AgreementViews.Tranche tranche) {
    }

    private List<Open> openTranches(String contributor, String currency) {
        if (known.get() != null) {
            return known.get().open().computeIfAbsent(contributor + "/" + currency, k -> readOpen(contributor, currency));
        }
        return readOpen(contributor, currency);
    }

    private List<Open> readOpen(String contributor, String currency) {
        return agreements.list(contributor).stream().filter(a -> a.currency().equals(currency) && a.condition() == null)
                .flatMap(a -> a.tranches().stream().filter(t -> t.outstanding().amount().compareTo(BigDecimal.ZERO) > 0
                        && !t.status().equals("SUBJECT_TO_APPROPRIATION")).map(t -> new Open(a, t)))
                .toList();
    }
}
