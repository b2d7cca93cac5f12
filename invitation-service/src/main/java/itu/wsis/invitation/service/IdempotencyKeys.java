package itu.wsis.invitation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import itu.wsis.invitation.repository.IdempotencyRepository;
import itu.wsis.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Honours {@code Idempotency-Key}: the first request with a key runs and its outcome is stored under the key, in
 * the same transaction; every later request with that key gets the stored outcome back. Two requests racing with
 * one key serialise on the key's primary key: the second waits for the first to commit, then replays it.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public record Outcome<T>(T result, boolean replayed) {
    }

    private final IdempotencyRepository records;
    private final ObjectMapper json;
    private final Clock clock;

    public IdempotencyKeys(IdempotencyRepository records, ObjectMapper json, Clock clock) {
        this.records = records;
        this.json = json;
        this.clock = clock;
    }

    /** Must run inside the transaction of the action. Without a key, the action simply runs. */
    public <T> Uni<Outcome<T>> once(String scope, String key, String request, Class<T> type, Supplier<Uni<T>> action) {
        if (key == null) {
            return action.get().map(result -> new Outcome<>(result, false));
        }
        if (key.isBlank() || key.length() > 200) {
            throw ProblemException.badRequest("Idempotency-Key", "must be 1 to 200 characters");
        }
        String hash = sha256(request);
        return records.claim(scope, key, hash, clock.instant())
                .chain(inserted -> inserted == 1
                        ? action.get().chain(result -> remember(scope, key, result))
                        .map(result -> new Outcome<>(result, false))
                        : replay(scope, key, hash, type));
    }

    private <T> Uni<T> remember(String scope, String key, T result) {
        return records.find(scope, key)
                .map(record -> {
                    record.responseCode = 200;
                    record.responseBody = write(result);
                    return result;
                });
    }

    private <T> Uni<Outcome<T>> replay(String scope, String key, String hash, Class<T> type) {
        return records.find(scope, key)
                .map(record -> {
                    if (!record.requestHash.equals(hash)) {
                        throw new ProblemException(422, "idempotency-key-reused", "Idempotency-Key reused",
                                "This Idempotency-Key was used for a different request.", null, null, null);
                    }
                    if (record.responseBody == null) {
                        throw ProblemException.conflict("idempotent-request-in-progress",
                                "A request with this Idempotency-Key is still being processed.");
                    }
                    return new Outcome<>(read(record.responseBody, type), true);
                });
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store an idempotent response", e);
        }
    }

    private <T> T read(String body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a stored idempotent response", e);
        }
    }

    private static String sha256(String request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(request.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
