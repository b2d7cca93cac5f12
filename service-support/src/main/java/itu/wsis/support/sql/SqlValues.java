package itu.wsis.support.sql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Values as the reactive PostgreSQL client binds them in a {@code Tuple}. */
public final class SqlValues {

    private SqlValues() {
    }

    /** An instant for a {@code timestamptz} parameter: the client binds an OffsetDateTime, not an Instant. */
    public static OffsetDateTime timestamptz(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
