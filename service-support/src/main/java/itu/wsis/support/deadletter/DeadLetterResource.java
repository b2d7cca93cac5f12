package itu.wsis.support.deadletter;

import io.quarkus.security.identity.SecurityIdentity;
import itu.wsis.support.problem.Problem;
import itu.wsis.support.problem.ProblemException;
import itu.wsis.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import itu.wsis.support.openapi.ApiContract;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

/**
 * Ops' view of this service's dead letters, and their replay once the cause is fixed (README, "Dead letters").
 * Consumers apply each event once by its id, so replaying one that had been applied after all changes nothing.
 */
@Path("/ops/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ops: dead letters", description = "Events this service's consumers could not apply, and their replay once the cause is fixed.")
@RolesAllowed(Roles.OPS)
public class DeadLetterResource {

    private final DeadLetters deadLetters;
    private final SecurityIdentity identity;

    public DeadLetterResource(DeadLetters deadLetters, SecurityIdentity identity) {
        this.deadLetters = deadLetters;
        this.identity = identity;
    }

    public record DeadLetterListResponse(String topic, int total, List<DeadLetterEntryResponse> entries) {
    }

    /** One dead letter as the API shows it: {@link DeadLetters.Entry}, which has no payload. */
    public record DeadLetterEntryResponse(int partition, long offset, Instant deadLetteredAt, String key,
                                          String originalTopic, Integer originalPartition, Long originalOffset,
                                          String eventType, String eventId, String reason, String cause,
                                          Instant replayedAt, String replayedBy) {

        static List<DeadLetterEntryResponse> of(List<DeadLetters.Entry> entries) {
            return entries.stream().map(e -> new DeadLetterEntryResponse(e.partition(), e.offset(),
                    e.deadLetteredAt(), e.key(), e.originalTopic(), e.originalPartition(), e.originalOffset(),
                    e.eventType(), e.eventId(), e.reason(), e.cause(), e.replayedAt(), e.replayedBy())).toList();
        }
    }

    /** Either {@code all} (every dead letter not replayed yet) or the chosen {@code entries}, not both. */
    public record ReplayRequest(Boolean all, @Size(max = 1000) List<@NotNull @Valid ReplayEntryRequest> entries) {
    }

    public record ReplayEntryRequest(@NotNull @PositiveOrZero Integer partition, @NotNull @PositiveOrZero Long offset) {
    }

    public record ReplayResponse(String topic, int replayed, List<DeadLetterEntryResponse> entries) {
    }

    @GET
    @Operation(operationId = "listDeadLetters",
            summary = "List this service's dead letters, oldest first, with the reason and whether they were replayed",
            extensions = @Extension(name = ApiContract.EVERY_SERVICE, value = "true"))
    @APIResponse(responseCode = "200", description = "The dead letters (without their payload).")
    @APIResponse(responseCode = "400", description = "`status` is not one of all, pending, replayed.")
    public DeadLetterListResponse list(@QueryParam("status") String status) {
        String wanted = status == null ? "all" : status.toLowerCase(java.util.Locale.ROOT);
        if (!List.of("all", "pending", "replayed").contains(wanted)) {
            throw ProblemException.badRequest("status", "one of all, pending, replayed");
        }
        List<DeadLetters.Entry> entries = deadLetters.list().stream()
                .filter(e -> wanted.equals("all") || wanted.equals("replayed") == (e.replayedAt() != null))
                .toList();
        return new DeadLetterListResponse(deadLetters.topic(), entries.size(), DeadLetterEntryResponse.of(entries));
    }

    @POST
    @Path("/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replayDeadLetters",
            summary = "Publish chosen dead letters again on the topics they came from, for this service only",
            extensions = @Extension(name = ApiContract.EVERY_SERVICE, value = "true"))
    @APIResponse(responseCode = "200", description = "What was replayed, in the order it was published.")
    @APIResponse(responseCode = "400", description = "Neither `all` nor `entries`, both, or an entry that is no dead letter.")
    public ReplayResponse replay(@NotNull @Valid ReplayRequest request) {
        boolean all = Boolean.TRUE.equals(request.all());
        boolean chosen = request.entries() != null && !request.entries().isEmpty();
        if (all == chosen) {
            throw ProblemException.badRequest("entries",
                    "give either \"all\": true or a non-empty list of {partition, offset} entries");
        }
        String actor = identity.getPrincipal().getName();
        try {
            List<DeadLetters.Entry> replayed = deadLetters.replay(all ? null : request.entries().stream()
                    .map(c -> new DeadLetters.Position(c.partition(), c.offset())).toList(), actor);
            return new ReplayResponse(deadLetters.topic(), replayed.size(), DeadLetterEntryResponse.of(replayed));
        } catch (DeadLetters.UnknownPositions unknown) {
            throw ProblemException.invalid(unknown.positions().stream()
                    .map(p -> new Problem.FieldError("entries", "no dead letter at partition " + p.partition()
                            + ", offset " + p.offset()))
                    .toList());
        }
    }
}
