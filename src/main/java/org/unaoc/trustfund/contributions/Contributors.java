package org.unaoc.trustfund.contributions;

import static org.jooq.Records.mapping;
import static org.unaoc.trustfund.db.Tables.CONTRIBUTOR;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unaoc.trustfund.security.Viewer;
import org.unaoc.trustfund.system.Problem;

/** Governments (by ISO 3166 code), organisations, foundations and private donors. */
@Service
public class Contributors {

    public enum Type { GOVERNMENT, ORGANIZATION, FOUNDATION, PRIVATE }

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final DSLContext db;

    Contributors(DSLContext db) {
        this.db = db;
    }

    public record Contributor(@NotBlank @Pattern(regexp = "[A-Z0-9-]{2,20}", message = "is 2 to 20 capital letters, digits or -")
                              String code,
                              @NotBlank @Size(max = 200) String name, @NotNull Type type, @Nullable Boolean coSponsor,
                              @Nullable Boolean groupOfFriends, @Nullable List<String> ibans) {

        /** As listed to a viewer who may see the contributor's name but not its bank details. */
        Contributor withoutBankAccounts() {
            return new Contributor(code, name, type, coSponsor, groupOfFriends, null);
        }
    }

    @Transactional
    public Contributor create(Contributor contributor, String user) {
        if (contributor.type() == Type.GOVERNMENT && !COUNTRIES.contains(contributor.code())) {
            throw Problem.invalidField("code", "'" + contributor.code() + "' is not an ISO 3166 alpha-2 country code; "
                    + "governments are named by it (ES, TR, QA …)");
        }
        List<String> ibans = contributor.ibans() == null ? List.of()
                : contributor.ibans().stream().map(iban -> iban.replace(" ", "").toUpperCase(Locale.ROOT)).toList();
        int created = db.insertInto(CONTRIBUTOR)
                .set(CONTRIBUTOR.CODE, contributor.code())
                .set(CONTRIBUTOR.NAME, contributor.name().strip())
                .set(CONTRIBUTOR.TYPE, contributor.type().name())
                .set(CONTRIBUTOR.CO_SPONSOR, Boolean.TRUE.equals(contributor.coSponsor()))
                .set(CONTRIBUTOR.GROUP_OF_FRIENDS, Boolean.TRUE.equals(contributor.groupOfFriends()))
                .set(CONTRIBUTOR.IBANS, ibans.toArray(String[]::new))
                .set(CONTRIBUTOR.CREATED_BY, user)
                .onConflictDoNothing()
                .execute();
        if (created == 0) {
            throw Problem.conflict("contributor-exists", "Contributor exists", "A contributor with the code "
                    + contributor.code() + " already exists.");
        }
        return get(contributor.code());
    }

    public List<Contributor> list(Viewer viewer) {
        String only = viewer.listLimitedTo();
        return db.select(CONTRIBUTOR.CODE, CONTRIBUTOR.NAME, CONTRIBUTOR.TYPE, CONTRIBUTOR.CO_SPONSOR,
                        CONTRIBUTOR.GROUP_OF_FRIENDS, CONTRIBUTOR.IBANS)
                .from(CONTRIBUTOR)
                .where(only == null ? DSL.noCondition() : CONTRIBUTOR.CODE.eq(only))
                .orderBy(CONTRIBUTOR.NAME)
                .fetch(mapping(Contributors::contributor)).stream()
                .map(listed -> viewer.seesDetailsOf(listed.code()) ? listed : listed.withoutBankAccounts())
                .toList();
    }

    public Contributor get(String code) {
        return db.select(CONTRIBUTOR.CODE, CONTRIBUTOR.NAME, CONTRIBUTOR.TYPE, CONTRIBUTOR.CO_SPONSOR,
                        CONTRIBUTOR.GROUP_OF_FRIENDS, CONTRIBUTOR.IBANS)
                .from(CONTRIBUTOR).where(CONTRIBUTOR.CODE.eq(code))
                .fetchOptional(mapping(Contributors::contributor))
                .orElseThrow(() -> Problem.notFound("Contributor " + code));
    }

    /** The contributor, or a 422 naming the field: for requests that refer to one. */
    public Contributor existing(String code, String field) {
        if (code == null || !db.fetchExists(CONTRIBUTOR, CONTRIBUTOR.CODE.eq(code))) {
            throw Problem.invalidField(field, "'" + code + "' is not a contributor; POST /api/contributors first");
        }
        return get(code);
    }

    private static Contributor contributor(String code, String name, String type, Boolean coSponsor,
                                           Boolean groupOfFriends, String[] ibans) {
        return new Contributor(code, name, Type.valueOf(type), coSponsor, groupOfFriends, List.of(ibans));
    }
}
