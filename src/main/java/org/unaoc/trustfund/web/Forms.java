package org.unaoc.trustfund.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.unaoc.trustfund.system.DecimalLimits;
import org.unaoc.trustfund.system.Problem;

/**
 * Reading what a form sent: the same checks as the API's, failing as a problem about one field so
 * that the page can show its detail next to that field.
 */
@Component
public class Forms {

    private final Validator validator;

    Forms(Validator validator) {
        this.validator = validator;
    }

    /** The bean-validation checks of a request record (as {@code @Valid} on the API). */
    public <T> T valid(T request) {
        ConstraintViolation<T> first = validator.validate(request).stream()
                .min(Comparator.comparing(v -> v.getPropertyPath().toString())).orElse(null);
        if (first != null) {
            throw Problem.invalidField(first.getPropertyPath().toString(), first.getMessage());
        }
        return request;
    }

    public static String required(@Nullable String value, String field, String what) {
        if (value == null || value.isBlank()) {
            throw Problem.invalidField(field, "is missing: " + what);
        }
        return value.trim();
    }

    /** Text that may be left empty: null then, else trimmed. */
    public static @Nullable String optional(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** One of an enum's names, as a select sends it; {@code what} names the kind in the refusal. */
    public static <E extends Enum<E>> E choice(Class<E> type, @Nullable String value, String field, String what) {
        String name = required(value, field, what);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        throw Problem.invalidField(field, "'" + name + "' is not " + what);
    }

    /** An agreement's tranche as the pages' lists send it: {@code <agreement>:<tranche>}. */
    public record Tranche(long agreement, int number) {
    }

    public static Tranche tranche(@Nullable String value, String field) {
        String[] parts = required(value, field, "the agreement's tranche").split(":");
        if (parts.length != 2 || !parts[0].matches("[0-9]{1,18}") || !parts[1].matches("[0-9]{1,9}")) {
            throw Problem.invalidField(field, "choose an agreement's tranche from the list");
        }
        return new Tranche(Long.parseLong(parts[0]), Integer.parseInt(parts[1]));
    }

    public static BigDecimal amount(@Nullable String value, String field) {
        String text = required(value, field, "an amount such as 1250000.00").replace(" ", "");
        if (!text.matches("-?[0-9]{1,15}(\\.[0-9]+)?")) {
            throw Problem.invalidField(field, "'" + text + "' is not an amount: write digits and a point for the decimals, "
                    + "without thousands separators (for example 1250000.00)");
        }
        return DecimalLimits.checked(new BigDecimal(text), field);
    }

    public static LocalDate date(@Nullable String value, String field) {
        String text = required(value, field, "a date (YYYY-MM-DD)");
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw Problem.invalidField(field, "'" + text + "' is not a date: write it as YYYY-MM-DD");
        }
    }

    public static @Nullable LocalDate optionalDate(@Nullable String value, String field) {
        return value == null || value.isBlank() ? null : date(value, field);
    }

    public static YearMonth month(@Nullable String value, String field) {
        String text = required(value, field, "a month (YYYY-MM)");
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw Problem.invalidField(field, "'" + text + "' is not a month: write it as YYYY-MM");
        }
    }

    public static @Nullable Long id(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw Problem.invalidField(field, "'" + value + "' is not a number");
        }
    }
}
