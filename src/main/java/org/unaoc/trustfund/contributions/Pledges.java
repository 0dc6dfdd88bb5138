package org.unaoc.trustfund.contributions;

import static org.jooq.Records.mapping;
import static org.unaoc.trustfund.db.Tables.PLEDGE;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unaoc.trustfund.currency.Money;
import org.unaoc.trustfund.security.Viewer;
import org.unaoc.trustfund.system.Problem;

/** Announced pledges: a register with no journal (R1), until an agreement or cash follows. */
@Service
public class Pledges {

    private final DSLContext db;
    private final Contributors contributors;

    Pledges(DSLContext db, Contributors contributors) {
        this.db = db;
        this.contributors = contributors;
    }

    public record NewPledge(@NotBlank String contributor, @NotNull Money amount, @NotNull LocalDate announcedOn,
                            @Nullable LocalDate expectedOn, @Nullable String earmark, @Nullable String note) {
    }

    public record Pledge(long id, String contributor, Money amount, LocalDate announcedOn, @Nullable LocalDate expectedOn,
                         @Nullable String earmark, @Nullable String note, String status, @Nullable String statusReason) {
    }

    @Transactional
    public Pledge announce(NewPledge pledge, String user) {
        contributors.existing(pledge.contributor(), "contributor");
        if (pledge.amount().amount().signum() <= 0) {
            throw Problem.invalidField("amount", "a pledge is a positive amount");
        }
        long id = db.insertInto(PLEDGE)
                .set(PLEDGE.CONTRIBUTOR, pledge.contributor())
                .set(PLEDGE.CURRENCY, pledge.amount().currency())
                .set(PLEDGE.AMOUNT, pledge.amount().amount())
                .set(PLEDGE.ANNOUNCED_ON, pledge.announcedOn())
                .set(PLEDGE.EXPECTED_ON, pledge.expectedOn())
                .set(PLEDGE.EARMARK, pledge.earmark())
                .set(PLEDGE.NOTE, pledge.note())
                .set(PLEDGE.CREATED_BY, user)
                .returning(PLEDGE.ID).fetchOne(PLEDGE.ID);
        return get(id);
    }

    public List<Pledge> list(Viewer viewer) {
        String only = viewer.listLimitedTo();
        return select(only == null ? DSL.noCondition() : PLEDGE.CONTRIBUTOR.eq(only));
    }

    public Pledge get(long id) {
        return select(PLEDGE.ID.eq(id)).stream().findFirst().orElseThrow(() -> Problem.notFound("Pledge " + id));
    }

    @Transactional
    public Pledge cancel(long id, String reason, LocalDate on) {
        if (reason == null || reason.isBlank()) {
            throw Problem.invalidField("reason", "is missing: say why the pledge is cancelled");
        }
        moveFrom(id, "ANNOUNCED", "CANCELLED", reason, on);
        return get(id);
    }

    /** ANNOUNCED becomes AGREED (an agreement was signed) or FULFILLED (the cash came without one). */
    @Transactional
    public void moveFrom(long id, String from, String to, @Nullable String reason, LocalDate on) {
        Pledge pledge = get(id);
        if (!pledge.status().equals(from)) {
            throw Problem.conflict("pledge-not-" + from.toLowerCase(), "Pledge is " + pledge.status().toLowerCase(),
                    "Pledge " + id + " is " + pledge.status() + "; only an " + from + " pledge can become " + to + ".");
        }
        db.update(PLEDGE).set(PLEDGE.STATUS, to).set(PLEDGE.STATUS_REASON, reason).set(PLEDGE.STATUS_CHANGED_ON, on)
                .where(PLEDGE.ID.eq(id)).execute();
    }

    /** The one announced pledge of the contributor in that currency, if there is exactly one. */
    @Nullable Long soleAnnounced(String contributor, String currency) {
        List<Long> ids = db.select(PLEDGE.ID).from(PLEDGE).where(PLEDGE.CONTRIBUTOR.eq(contributor))
                .and(PLEDGE.CURRENCY.eq(currency)).and(PLEDGE.STATUS.eq("ANNOUNCED")).fetch(PLEDGE.ID);
        return ids.size() == 1 ? ids.getFirst() : null;
    }

    /** Pledges that were announced, and not yet agreed, paid or cancelled, on the date. */
    public static org.jooq.Condition announcedOn(LocalDate asOf) {
        return PLEDGE.ANNOUNCED_ON.le(asOf).and(PLEDGE.STATUS.eq("ANNOUNCED").or(PLEDGE.STATUS_CHANGED_ON.gt(asOf)));
    }

    private List<Pledge> select(org.jooq.Condition condition) {
        return db.select(PLEDGE.ID, PLEDGE.CONTRIBUTOR, PLEDGE.AMOUNT, PLEDGE.CURRENCY, PLEDGE.ANNOUNCED_ON,
                        PLEDGE.EXPECTED_ON, PLEDGE.EARMARK, PLEDGE.NOTE, PLEDGE.STATUS, PLEDGE.STATUS_REASON)
                .from(PLEDGE).where(condition).orderBy(PLEDGE.ID)
                .fetch(mapping((id, contributor, amount, currency, announced, expected, earmark, note, status, reason) ->
                        new Pledge(id, contributor, Amounts.money(amount, currency), announced, expected, earmark, note,
                                status, reason)));
    }
}
