package itu.wsis.speaking;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.Rank;
import itu.wsis.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static itu.wsis.speaking.Fixtures.DB;
import static itu.wsis.speaking.Fixtures.asSecretariat;
import static itu.wsis.speaking.Fixtures.requestBody;
import static itu.wsis.speaking.Fixtures.withLink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** The edge of speaking requests (issue 14, finding 7): single-line speaker names, no NUL, typed parameters. */
@QuarkusTest
@SpeakingRequestServiceTest
class SpeakingInputTest {

    static final Instant FUTURE = Instant.now().plus(Duration.ofDays(60));

    static long requests(UUID invitationId) {
        return TestPostgres.queryLong(DB, "select count(*) from speaking_request where invitation_id = ?", invitationId);
    }

    @Test
    void aSpeakerNameWithALineBreakOrANulIsRefusedNamingTheField() {
        Fixtures.Forum forum = Fixtures.forum(FUTURE);
        UUID session = Fixtures.session(forum, 5, 31, 9);
        Fixtures.Delegation d = Fixtures.delegation(forum, "Switzerland", Rank.MINISTER, ParticipationMode.IN_PERSON);
        String path = "/invitations/" + d.invitationId() + "/speaking-request";
        for (String name : List.of("Albert\\r\\nBcc: x@evil.test", "Albert\\u2028R\\u00f6sti", "Albert\\tR")) {
            withLink(d.link()).body(requestBody(name, "IN_PERSON", session)).post(path)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("speaker.name"))
                    .body("errors[0].message", startsWith("must be a single line"));
        }
        withLink(d.link()).body(requestBody("Albert\\u0000", "IN_PERSON", session)).post(path)
                .then().statusCode(400).body("errors[0].field", equalTo("speaker.name"))
                .body("errors[0].message", equalTo("must not contain the NUL character (U+0000)"));
        assertThat(requests(d.invitationId())).isZero();
    }

    @Test
    void aMistypedQueryParameterIs400NamingIt() {
        Fixtures.Forum forum = Fixtures.forum(FUTURE);
        asSecretariat().get("/forums/" + forum.forumId() + "/speaking-requests?status=SOMETIMES")
                .then().statusCode(400).body("errors[0].field", equalTo("status"))
                .body("errors[0].message", startsWith("must be one of"));
        asSecretariat().get("/forums/not-a-uuid/speaking-requests")
                .then().statusCode(400).body("errors[0].field", equalTo("forumId"));
    }
}
