package itu.wsis.registration.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import itu.wsis.events.Language;
import itu.wsis.registration.domain.VisaLetter;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Visa support letters issued, and what a letter states about the invitation and its forum, in plain SQL. */
@ApplicationScoped
public class VisaLetterRepository {

    /** What a letter states besides the delegate: the country, the language, the forum's names and in-person week. */
    public record LetterContext(String memberState, Language preferredLanguage, String forumNamesJson,
                                LocalDate inPersonStart, LocalDate inPersonEnd) {
    }

    private static final String CONTEXT = """
            select i.member_state, i.preferred_language, f.names, f.in_person_start, f.in_person_end
              from invitation_view i
              left join forum_edition f on f.forum_id = i.forum_id
             where i.invitation_id = $1""";

    private static final String COLUMNS = """
            reference, invitation_id, reply_version, member_name, member_title, language, issued_at""";

    private static final String SAME_LETTER = """
            select %s
              from visa_letter
             where invitation_id = $1 and reply_version = $2 and member_name = $3 and member_title = $4
               and language = $5
             order by issued_at
             limit 1""".formatted(COLUMNS);

    private static final String INSERT = """
            insert into visa_letter (%s) values ($1, $2, $3, $4, $5, $6, $7)""".formatted(COLUMNS);

    private static final String BY_REFERENCE = "select %s from visa_letter where reference = $1".formatted(COLUMNS);

    private final Pool pool;

    public VisaLetterRepository(Pool pool) {
        this.pool = pool;
    }

    /** Null when this service does not know the invitation. */
    public Uni<LetterContext> context(UUID invitationId) {
        return pool.preparedQuery(CONTEXT).execute(Tuple.of(invitationId)).map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            Row row = rows.iterator().next();
            return new LetterContext(row.getString(0), Language.fromCode(row.getString(1)), row.getString(2),
                    row.getLocalDate(3), row.getLocalDate(4));
        });
    }

    /** The letter already issued for this member of this reply version in this language, or null. */
    public Uni<VisaLetter> sameLetter(UUID invitationId, int replyVersion, String memberName, String memberTitle,
                                      Language language) {
        return pool.preparedQuery(SAME_LETTER)
                .execute(Tuple.of(invitationId, replyVersion, memberName, memberTitle, language.code()))
                .map(rows -> rows.size() == 0 ? null : toLetter(rows.iterator().next()));
    }

    public Uni<Void> insert(VisaLetter letter) {
        return pool.preparedQuery(INSERT).execute(Tuple.tuple()
                        .addString(letter.reference())
                        .addUUID(letter.invitationId())
                        .addInteger(letter.replyVersion())
                        .addString(letter.memberName())
                        .addString(letter.memberTitle())
                        .addString(letter.language().code())
                        .addOffsetDateTime(OffsetDateTime.ofInstant(letter.issuedAt(), ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    /** Null for an unknown reference. */
    public Uni<VisaLetter> byReference(String reference) {
        return pool.preparedQuery(BY_REFERENCE).execute(Tuple.of(reference))
                .map(rows -> rows.size() == 0 ? null : toLetter(rows.iterator().next()));
    }

    private static VisaLetter toLetter(Row row) {
        return new VisaLetter(row.getString(0), row.getUUID(1), row.getInteger(2), row.getString(3), row.getString(4),
                Language.fromCode(row.getString(5)), row.getOffsetDateTime(6).toInstant());
    }
}
