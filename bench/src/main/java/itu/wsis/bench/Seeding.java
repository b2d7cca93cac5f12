package itu.wsis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The data the phases need, put in the way a user would (the staff API: a letter, invitee imports) or, where only
 * the volume matters, by SQL (the sweep's open invitations, pgbench's database).
 */
final class Seeding {

    /** The demo data of {@code ./wsis up}: its letter's texts and its Member States. */
    static final Path DEMO = Path.of("invitation-service/src/main/resources/demo/wsis-2022");
    /** Invitee imports go in batches of this many. */
    static final int IMPORT_BATCH = 1000;

    private Seeding() {
    }

    /**
     * A new letter with the demo letter's texts in the demo forum, reference {@code BENCH-<epoch>}, published.
     *
     * @return its id
     */
    static String publishBenchLetter(Api secretariat, Path root) throws IOException {
        JsonNode forums = secretariat.get(Stack.INV + "/forums");
        String forumId = forums.get(0).get("id").asText();
        Path demo = root.resolve(DEMO);
        ObjectNode letter = benchLetter((ObjectNode) Api.JSON.readTree(demo.resolve("letter.json").toFile()), language -> {
            try {
                return Files.readString(demo.resolve("body." + language + ".md"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "BENCH-" + (System.currentTimeMillis() / 1000));
        String letterId = secretariat.post(Stack.INV + "/forums/" + forumId + "/letters", letter).get("id").asText();
        secretariat.post(Stack.INV + "/letters/" + letterId + "/publish", "{}");
        return letterId;
    }

    /**
     * The demo's letter.json (subjects per language, the bodies in files beside it) as the API takes a letter: texts
     * per language with subject and body, and the bench's own reference.
     */
    static ObjectNode benchLetter(ObjectNode demoLetter, Function<String, String> bodyOf, String reference) {
        ObjectNode letter = demoLetter.deepCopy();
        ObjectNode texts = Api.JSON.createObjectNode();
        letter.get("subjects").fields().forEachRemaining(s -> {
            ObjectNode t = texts.putObject(s.getKey());
            t.put("subject", s.getValue().asText());
            t.put("body", bodyOf.apply(s.getKey()));
        });
        letter.remove("subjects");
        letter.set("texts", texts);
        letter.put("reference", reference);
        return letter;
    }

    /** Imports {@code n} invitees {@code <prefix>-<i>@bench.example.org}, spread over the demo's Member States. */
    static void importInvitees(Api secretariat, Path root, int n, String prefix) throws IOException {
        List<String> states = Files.readAllLines(root.resolve(DEMO).resolve("invitees.csv")).stream()
                .filter(l -> !l.startsWith("#") && !l.startsWith("memberState")).map(l -> l.split(",")[0]).toList();
        for (int from = 0; from < n; from += IMPORT_BATCH) {
            secretariat.post(Stack.INV + "/invitees/import", inviteeRows(states, from, Math.min(n, from + IMPORT_BATCH), prefix));
        }
    }

    /** Invitees {@code from} (inclusive) to {@code to} (exclusive) as one import's rows. */
    static ArrayNode inviteeRows(List<String> states, int from, int to, String prefix) {
        ArrayNode rows = Api.JSON.createArrayNode();
        for (int i = from; i < to; i++) {
            ObjectNode r = rows.addObject();
            r.put("memberState", states.get(i % states.size()));
            r.put("fullName", "Bench Invitee " + prefix + " " + i);
            r.put("formOfAddress", "MADAM_MINISTER");
            r.put("rank", "MINISTER");
            r.put("title", "Minister");
            r.put("ministry", "Ministry of Benchmarks");
            r.put("email", prefix + "-" + i + "@bench.example.org");
            r.put("preferredLanguage", "en");
            r.put("timeZone", "Europe/Zurich");
        }
        return rows;
    }

    /**
     * {@code n} open invitations of the letter in notification-service's {@code contact} table, deadline 3 days
     * after {@code now} (the service clock), so that each one's 7-day reminder is due.
     */
    static void sweepContacts(Stack stack, UUID letterId, Instant now, int n) {
        Instant deadline = now.plus(Duration.ofDays(3));
        String forumId = stack.psql("notification", "select forum_id from contact where letter_id = '" + letterId + "' limit 1")
                .requireOk("forum id").out().trim();
        stack.psql("notification", "insert into contact (invitation_id, forum_id, letter_id, full_name, form_of_address, rank, title,"
                + " email, cc, language, time_zone, member_state, response_deadline_date, response_deadline_zone,"
                + " response_deadline_at, speaking_deadline_date, speaking_deadline_zone, speaking_deadline_at,"
                + " link_version, link_expires_at, reply_status, speaking_requested, issued_at)"
                + " select gen_random_uuid(), '" + forumId + "', '" + letterId + "', 'Sweep Invitee ' || n, 'MADAM_MINISTER',"
                + " 'MINISTER', 'Minister', 'sweep-' || n || '@bench.example.org', null, 'en', 'Europe/Zurich', 'CH',"
                + " date '" + deadline.atZone(ZoneOffset.UTC).toLocalDate() + "', 'Europe/Zurich', timestamptz '" + deadline + "',"
                + " date '" + deadline.atZone(ZoneOffset.UTC).toLocalDate() + "', 'Europe/Zurich', timestamptz '" + deadline + "',"
                + " 1, timestamptz '" + deadline.plus(Duration.ofDays(30)) + "', null, false, timestamptz '" + now + "'"
                + " from generate_series(1, " + n + ") n; analyze contact").requireOk("seed contacts");
    }

    /**
     * pgbench's database {@code bench_accept}: same server, same schema (dumped from registration's own database
     * after Flyway), {@code rows} invitations whose ids are {@code md5(n)}. A separate database because the service's
     * outbox relay would otherwise publish pgbench's events to Kafka.
     */
    static void acceptDatabase(Stack stack, Path work, int rows) {
        stack.psql("postgres", "drop database if exists bench_accept").requireOk("drop bench_accept");
        stack.psql("postgres", "create database bench_accept").requireOk("create bench_accept");
        Path schema = work.resolve("registration-schema.sql");
        stack.pgTool(List.of("pg_dump", "--schema-only", "--no-owner", "-d", "registration", "-f", schema.toString()))
                .requireOk("pg_dump");
        stack.pgTool(List.of("psql", "-v", "ON_ERROR_STOP=1", "-q", "-d", "bench_accept", "-f", schema.toString()))
                .requireOk("schema into bench_accept");
        stack.psql("bench_accept", "insert into invitation_view (invitation_id, forum_id, forum_code, letter_id, letter_reference,"
                + " member_state, preferred_language, invitee_rank, deadline_date, deadline_time_zone, deadline_ends_at,"
                + " link_version, revoked_at, issued_at)"
                + " select cast(md5(cast(n as text)) as uuid), '00000000-0000-0000-0000-000000000001', 'WSIS-2022',"
                + " '00000000-0000-0000-0000-000000000002', 'CL-22/010', 'CH', 'fr', 'MINISTER', date '2030-04-15',"
                + " 'Europe/Zurich', timestamptz '2030-04-15 22:00:00+00', 1, null, now()"
                + " from generate_series(1, " + rows + ") n; analyze").requireOk("seed invitation_view");
    }
}
