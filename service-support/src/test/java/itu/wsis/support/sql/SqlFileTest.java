package itu.wsis.support.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlFileTest {

    @Test
    void eachNameHoldsItsStatementWithoutCommentsOrTheFinalSemicolon() {
        var statements = SqlFile.parse("""
                -- a file comment
                -- name: first
                -- why the first exists
                select 1
                  from a
                 where b = $1;

                -- name: second
                insert into c values ($1);
                """);

        assertThat(statements).containsOnlyKeys("first", "second");
        assertThat(statements.get("first")).isEqualTo("select 1\n  from a\n where b = $1");
        assertThat(statements.get("second")).isEqualTo("insert into c values ($1)");
    }

    @Test
    void twoStatementsUnderOneNameOrOneNameTwiceAreRefused() {
        assertThatThrownBy(() -> SqlFile.parse("-- name: a\nselect 1;\nselect 2;\n"))
                .hasMessageContaining("'a' must be exactly one statement");
        assertThatThrownBy(() -> SqlFile.parse("-- name: a\nselect 1;\n-- name: a\nselect 2;\n"))
                .hasMessageContaining("'a' is named twice");
    }

    @Test
    void theOutboxStatementIsOnTheClasspathAndAnUnknownNameIsNamed() {
        SqlFile outbox = SqlFile.load("sql/outbox-append.sql");

        assertThat(outbox.statement("append")).startsWith("insert into outbox_event").endsWith("$7)");
        assertThatThrownBy(() -> outbox.statement("nope")).hasMessageContaining("no statement 'nope'")
                .hasMessageContaining("[append]");
        assertThatThrownBy(() -> SqlFile.load("sql/none.sql")).hasMessageContaining("no SQL resource sql/none.sql");
    }
}
