package itu.wsis.invitation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import itu.wsis.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static itu.wsis.invitation.Fixtures.asSecretariat;
import static itu.wsis.invitation.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/**
 * The edge of the invitee registry (issue 14, findings 6 and 7): a huge bad import answers a small document and
 * changes nothing; addresses follow the one rule; names are single lines; a NUL character is a 400, never a 500.
 */
@QuarkusTest
@InvitationServiceTest
class InviteeInputLimitsTest {

    private static long invitees() {
        return TestPostgres.queryLong(InvitationServiceTest.DATABASE, "select count(*) from invitee");
    }

    private static long invitees(String emailLike) {
        return TestPostgres.queryLong(InvitationServiceTest.DATABASE,
                "select count(*) from invitee where email_normalized like ?", emailLike);
    }

    @Test
    void twoHundredThousandEmptyJsonRowsAnswerAFewKilobytesAndChangeNothing() {
        long before = invitees();
        String body = "[" + "{},".repeat(199_999) + "{}]";
        assertThat(body.length()).isEqualTo(600_001);

        Response response = asSecretariat().body(body).post("/invitees/import");

        response.then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:wsis:problem:invalid-request"))
                .body("errors", hasSize(100)).body("rows", hasSize(100))
                .body("totalErrors", equalTo(1_000_000))
                .body("errors[0].field", equalTo("rows[1].memberState"));
        assertThat(response.asByteArray().length).as("bytes of the answer").isLessThan(20_000);
        assertThat(invitees()).isEqualTo(before);
    }

    @Test
    void twoHundredThousandEmptyCsvRowsToo() {
        long before = invitees();
        String body = "memberState,fullName,formOfAddress,rank,email\n" + ",,,,\n".repeat(200_000);

        Response response = asSecretariat().contentType("text/csv").body(body).post("/invitees/import");

        response.then().statusCode(400).contentType("application/problem+json")
                .body("errors", hasSize(100)).body("totalErrors", equalTo(1_000_000));
        assertThat(response.asByteArray().length).isLessThan(20_000);
        assertThat(invitees()).isEqualTo(before);
    }

    @Test
    void addressesThatWouldFailAtSendTimeAreRefusedAtImportJsonAndCsv() {
        String batch = unique("addr").toLowerCase();
        for (String bad : List.of("a@example.org>,<attacker", "a@example.org\u2028", "Jane <a@example.org>",
                "a@example.org,b@example.org")) {
            Map<String, Object> row = new HashMap<>(Fixtures.invitee("CH", batch + ".ok@example.org"));
            row.put("email", bad);
            asSecretariat().body(List.of(Fixtures.invitee("FR", batch + ".1@example.org"), row))
                    .post("/invitees/import").then().statusCode(400)
                    .body("errors.field", hasItem("rows[2].email"))
                    .body("errors[0].message", startsWith("is not an e-mail address"));
            asSecretariat().body(row).post("/invitees").then().statusCode(400)
                    .body("errors[0].field", equalTo("email"));
        }
        Map<String, Object> badCc = new HashMap<>(Fixtures.invitee("CH", batch + ".2@example.org"));
        badCc.put("cc", List.of("assistant@example.org\u2029"));
        asSecretariat().body(List.of(badCc)).post("/invitees/import").then().statusCode(400)
                .body("errors[0].field", equalTo("rows[1].cc[0]"));

        String csv = "memberState,fullName,formOfAddress,rank,email,cc\n"
                + "CH,Jane Doe,SIR,MINISTER,\"a@example.org>,<attacker\",\n"
                + "FR,John Doe,SIR,MINISTER," + batch + ".3@example.org,b@example.org\u2028\n";
        asSecretariat().contentType("text/csv").body(csv).post("/invitees/import").then().statusCode(400)
                .body("rows.field", org.hamcrest.Matchers.contains("email", "cc[0]"));
        assertThat(invitees(batch + "%")).isZero();
    }

    @Test
    void aNameWithALineBreakOrANulIsRefusedNamingTheField() {
        String batch = unique("names").toLowerCase();
        Map<String, Object> crlf = new HashMap<>(Fixtures.invitee("CH", batch + ".1@example.org"));
        crlf.put("fullName", "Jane Doe\r\nBcc: x@evil.test");
        asSecretariat().body(crlf).post("/invitees").then().statusCode(400)
                .body("errors[0].field", equalTo("fullName"))
                .body("errors[0].message", startsWith("must be a single line"));

        Map<String, Object> nul = new HashMap<>(Fixtures.invitee("CH", batch + ".2@example.org"));
        nul.put("fullName", "Jane\u0000Doe");
        asSecretariat().body(nul).post("/invitees").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("fullName"))
                .body("errors[0].message", equalTo("must not contain the NUL character (U+0000)"));
        asSecretariat().body(List.of(nul)).post("/invitees/import").then().statusCode(400)
                .body("errors[0].field", equalTo("[0].fullName"));
        asSecretariat().contentType("text/csv")
                .body("memberState,fullName,formOfAddress,rank,email\nCH,Jane\u0000Doe,SIR,MINISTER," + batch
                        + ".3@example.org\n")
                .post("/invitees/import").then().statusCode(400)
                .body("errors[0].field", equalTo("rows[1].fullName"));
        asSecretariat().queryParam("memberState", "C\u0000").get("/invitees").then().statusCode(400)
                .body("errors[0].field", equalTo("memberState"));
        assertThat(invitees(batch + "%")).isZero();
    }

    @Test
    void aDuplicateKeyAndAMistypedParameterAre400() {
        String batch = unique("dup").toLowerCase();
        asSecretariat().body("{\"memberState\":\"CH\",\"memberState\":\"FR\",\"fullName\":\"A\","
                        + "\"formOfAddress\":\"SIR\",\"rank\":\"MINISTER\",\"email\":\"" + batch + "@example.org\"}")
                .post("/invitees").then().statusCode(400).body("errors[0].field", equalTo("memberState"));
        asSecretariat().get("/invitees?size=abc").then().statusCode(400).body("errors[0].field", equalTo("size"));
        asSecretariat().get("/invitees/not-a-uuid").then().statusCode(400).body("errors[0].field", equalTo("id"));
        assertThat(invitees(batch + "%")).isZero();
    }
}
