package org.unaoc.trustfund.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;
import org.unaoc.trustfund.system.Problems;

/**
 * Why the books refused what a form sent: the problem's title and detail, and the field it is
 * about (named by the problem, or by its type for problems about the whole request, such as
 * insufficient funds or a closed period).
 */
public record Refusal(int status, String title, String detail, @Nullable String field) {

    public static Refusal of(RuntimeException failure, Map<String, String> fieldsByType) {
        ProblemDetail problem = Problems.from(failure);
        Object named = problem.getProperties() == null ? null : problem.getProperties().get("field");
        String type = problem.getType().getPath();
        String slug = type.substring(type.lastIndexOf('/') + 1);
        String field = named != null ? named.toString() : fieldsByType.get(slug);
        return new Refusal(problem.getStatus(), problem.getTitle() == null ? "Refused" : problem.getTitle(),
                problem.getDetail() == null ? "" : problem.getDetail(), field);
    }

    /**
     * A form's write: on success a redirect to the address it answers (post/redirect/get); when
     * the books refuse it, the refusal's status and the form again, with the reason and what was typed.
     */
    public static String redirectOrForm(HttpServletResponse response, Map<String, String> fieldsByType, Supplier<String> write,
                                        Function<Refusal, String> form) {
        try {
            return "redirect:" + write.get();
        } catch (RuntimeException refused) {
            Refusal refusal = of(refused, fieldsByType);
            response.setStatus(refusal.status());
            return form.apply(refusal);
        }
    }

    /** The same refusal about the page's own name for a field (the API's {@code currency}, the form's {@code rateCurrency}). */
    public static Refusal field(Refusal refusal, Map<String, String> pageNames) {
        return refusal.field() == null || !pageNames.containsKey(refusal.field()) ? refusal
                : new Refusal(refusal.status(), refusal.title(), refusal.detail(), pageNames.get(refusal.field()));
    }

    /** The detail as said next to its field: without the field's name in front ("amount: 'x' is not…"). */
    public String shortDetail() {
        return detail.matches("^[A-Za-z0-9_.\\[\\]]+: .*") ? detail.substring(detail.indexOf(": ") + 2) : detail;
    }

    /** Whether the detail belongs next to this field (also a sub-field: "amount.currency"). */
    public boolean concerns(String name) {
        return field != null && (field.equals(name) || field.startsWith(name + ".") || field.startsWith(name + "["));
    }
}
