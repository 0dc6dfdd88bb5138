package org.unaoc.trustfund.system;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A web form that creates financial records carries a submission key, made when the form is
 * shown; sending it twice (a double click, a reload, the back button) gives the first answer again
 * and posts nothing more. The key is stored with the records, in the same transaction, as an
 * Idempotency-Key of the API is.
 */
@Component
public class FormSubmissions {

    private static final String PREFIX = "form:";

    private final IdempotencyKeys keys;
    private final TransactionTemplate transactions;

    FormSubmissions(IdempotencyKeys keys, TransactionTemplate transactions) {
        this.keys = keys;
        this.transactions = transactions;
    }

    /** A new key for a form being shown. */
    public static String newKey() {
        return UUID.randomUUID().toString();
    }

    /**
     * Runs {@code action} (which writes and answers the address to go to) once for this key: a
     * second submission answers the first one's address. Without a key the action just runs.
     */
    public String once(String user, @Nullable String key, String path, Supplier<String> action) {
        if (key == null || key.isBlank()) {
            return action.get();
        }
        if (key.length() > 100) {
            throw Problem.invalidField("submission", "is a key of at most 100 characters");
        }
        String stored = PREFIX + key;
        return transactions.execute(status -> {
            if (!keys.tryHold(user, stored)) {
                throw Problem.conflict("request-in-progress", "Request in progress",
                        "This form was sent twice at once; the first one is being recorded. Reload the list to see it.");
            }
            IdempotencyKeys.Stored earlier = keys.find(user, stored);
            if (earlier != null) {
                return new String(earlier.body(), StandardCharsets.UTF_8);
            }
            String answer = action.get();
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            String hash = Sha256.of(stored.getBytes(StandardCharsets.UTF_8));
            keys.store(user, stored, "POST", path, hash, new IdempotencyKeys.Stored(hash, HttpStatus.SEE_OTHER.value(),
                    "text/plain", body));
            return answer;
        });
    }
}
