package org.unaoc.trustfund.spending;

import static org.unaoc.trustfund.db.Tables.OBLIGATION;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;

/** The unliquidated-obligations schedule for the auditors: what is still committed on a date, and since when. */
@Service
public class Schedules {

    private final DSLContext db;

    Schedules(DSLContext db) {
        this.db = db;
    }

    public record Unliquidated(long obligation, String component, String objectClass, LocalDate obligatedOn, long ageDays,
                               String payee, String description, BigDecimal amount, BigDecimal adjusted,
                               BigDecimal liquidated, BigDecimal unliquidated, BigDecimal unliquidatedWithPsc) {
    }

    public record Obligations(LocalDate asOf, List<Unliquidated> obligations, BigDecimal total, BigDecimal totalWithPsc) {
    }

    public Obligations obligations(LocalDate asOf) {
        List<Unliquidated> rows = db.select(OBLIGATION.asterisk(), Spent.liquidatedBy(DSL.val(asOf)).as("done"),
                        Open.adjustedBy(DSL.val(asOf)).as("adjusted")).from(OBLIGATION)
                .where(OBLIGATION.OBLIGATED_ON.le(asOf)).orderBy(OBLIGATION.OBLIGATED_ON, OBLIGATION.ID)
                .fetch(r -> {
                    var o = r.into(OBLIGATION);
                    BigDecimal done = r.get("done", BigDecimal.class).setScale(2);
                    BigDecimal adjusted = r.get("adjusted", BigDecimal.class).setScale(2);
                    BigDecimal open = o.getAmount().add(adjusted).subtract(done);
                    return new Unliquidated(o.getId(), o.getComponent(), o.getObjectClass(), o.getObligatedOn(),
                            ChronoUnit.DAYS.between(o.getObligatedOn(), asOf), o.getPayee(), o.getDescription(),
                            o.getAmount(), adjusted, done, open, open.add(Availability.psc(open, o.getPscRate())));
                })
                .stream().filter(u -> u.unliquidated().signum() > 0).toList();
        return new Obligations(asOf, rows, rows.stream().map(Unliquidated::unliquidated).reduce(new BigDecimal("0.00"), BigDecimal::add),
                rows.stream().map(Unliquidated::unliquidatedWithPsc).reduce(new BigDecimal("0.00"), BigDecimal::add));
    }
}
