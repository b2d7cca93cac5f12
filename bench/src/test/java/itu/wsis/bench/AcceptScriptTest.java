package itu.wsis.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pgbench accept is built from the service's own SQL files, every parameter bound. */
class AcceptScriptTest {

    static final Path ROOT = Path.of("..");

    @Test
    void theScriptRunsTheServicesStatementsWithEveryParameterBound() throws Exception {
        String script = AcceptScript.build(ROOT, 1000, "[{\"name\": \"D\"}]", "{\"eventId\": \"x\"}");

        assertThat(script).startsWith("\\set n random(1, 1000)\n")
                .doesNotContainPattern("\\$\\d")
                .contains("erased_at is not null\n  from invitation_view")
                .contains(" \\gset\ninsert into reply")
                .contains("cast(cast('[{\"name\": \"D\"}]' as text) as jsonb)")
                .contains("insert into outbox_event (event_id, event_type, message_key, occurred_at, payload, topic, trace_parent)")
                .endsWith("commit;\n");
        assertThat(script.lines().filter(l -> l.endsWith(";")).count()).as("link state, begin, 2 inserts, commit")
                .isEqualTo(5);
    }

    @Test
    void aParameterTheBenchDoesNotBindStopsTheRun() {
        var statements = AcceptScript.statements("-- name: x\nselect $1, $2;\n");

        assertThat(statements).containsEntry("x", "select $1, $2");
        assertThat(AcceptScript.bind(statements, "x", java.util.Map.of(1, "1", 2, "'b'"))).isEqualTo("select 1, 'b'");
        assertThatThrownBy(() -> AcceptScript.bind(statements, "x", java.util.Map.of(1, "1")))
                .hasMessageContaining("has $2, which the bench does not bind");
    }
}
