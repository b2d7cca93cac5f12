package itu.wsis.invitation;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static itu.wsis.invitation.Fixtures.asOps;
import static itu.wsis.invitation.Fixtures.asSecretariat;
import static itu.wsis.invitation.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@InvitationServiceTest
class InviteeApiTest {

    static long invitees(String emailLike) {
        return TestPostgres.queryLong(InvitationServiceTest.DATABASE,
                "select count(*) from invitee where email_normalized like ?", emailLike);
    }

    @Test
    void anInviteeGetsMemberStateNamesSalutationAndDefaultsFromTheMemberState() {
        String email = unique("Ministre").toLowerCase() + "@Example.org";
        Map<String, Object> request = new HashMap<>(Fixtures.invitee("SN", email));
        request.put("formOfAddress", "MADAM_MINISTER");
        String id = asSecretariat().body(request).post("/invitees").then().statusCode(201)
                .body("memberState", equalTo("SN"), "memberStateNames.fr", equalTo("Sénégal"),
                        "memberStateNames.en", equalTo("Senegal"), "preferredLanguage", equalTo("fr"),
                        "timeZone", equalTo("Africa/Dakar"), "salutation", equalTo("Madame la Ministre"))
                .extract().path("id");
        asOps().get("/invitees/{id}", id).then().statusCode(200).body("email", equalTo(email));
        asOps().queryParam("memberState", "sn").get("/invitees").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(id));

        // Same Member State and the same address, differently written: the same person.
        Map<String, Object> again = new HashMap<>(request);
        again.put("email", email.toUpperCase());
        asSecretariat().body(again).post("/invitees").then().statusCode(409)
                .body("type", equalTo("urn:wsis:problem:duplicate-invitee"));
    }

    @Test
    void anInvalidInviteeIsRefusedWithFieldDetail() {
        Map<String, Object> request = new HashMap<>(Fixtures.invitee("ZZ", "not-an-email"));
        request.put("rank", "EMPEROR");
        asSecretariat().body(request).post("/invitees").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("memberState", "rank", "email"));
        asOps().get("/invitees/{id}", java.util.UUID.randomUUID()).then().statusCode(404);
        asOps().queryParam("size", 0).get("/invitees").then().statusCode(400).body("errors[0].field", equalTo("size"));
    }

    @Test
    void aJsonImportWritesEveryoneAndAReimportChangesNothing() {
        String batch = unique("json").toLowerCase();
        List<Map<String, Object>> rows = List.of(
                Fixtures.invitee("FR", batch + ".1@example.org"),
                Fixtures.invitee("CN", batch + ".2@example.org"),
                Fixtures.invitee("AR", batch + ".3@example.org"));

        asSecretariat().body(rows).post("/invitees/import").then().statusCode(200)
                .body("received", equalTo(3), "written", equalTo(3), "unchanged", equalTo(0));
        asSecretariat().body(rows).post("/invitees/import").then().statusCode(200)
                .body("written", equalTo(0), "unchanged", equalTo(3));
        assertThat(invitees(batch + "%")).isEqualTo(3);
        assertThat(TestPostgres.queryLong(InvitationServiceTest.DATABASE,
                "select count(*) from invitee where email_normalized = ? and preferred_language = 'zh' "
                        + "and time_zone = 'Asia/Shanghai'", batch + ".2@example.org")).isEqualTo(1);

        // A corrected name updates the same person.
        Map<String, Object> renamed = new HashMap<>(rows.get(0));
        renamed.put("fullName", "Renamed Minister");
        asSecretariat().body(List.of(renamed)).post("/invitees/import").then().statusCode(200)
                .body("written", equalTo(1));
        assertThat(invitees(batch + "%")).isEqualTo(3);
    }

    @Test
    void aCsvImportReadsQuotedCellsAndSeveralCcAddresses() {
        String batch = unique("csv").toLowerCase();
        String csv = "memberState,fullName,formOfAddress,rank,title,ministry,email,cc,preferredLanguage,timeZone\r\n"
                + "CH,\"Doe, Jane\",MADAM_MINISTER,MINISTER,\"Minister of \"\"Digital\"\" Affairs\",DETEC," + batch
                + ".1@example.org,a@example.org;b@example.org,fr,\r\n"
                + "JP,Taro Example,MISTER_MINISTER,DEPUTY_MINISTER,,,"
                + batch + ".2@example.org,,,\r\n";
        asSecretariat().contentType("text/csv").body(csv).post("/invitees/import").then().statusCode(200)
                .body("received", equalTo(2), "written", equalTo(2));
        assertThat(TestPostgres.queryLong(InvitationServiceTest.DATABASE,
                "select count(*) from invitee where email_normalized = ? and full_name = 'Doe, Jane' "
                        + "and cc_json = '[\"a@example.org\",\"b@example.org\"]'", batch + ".1@example.org"))
                .isEqualTo(1);
        assertThat(TestPostgres.queryLong(InvitationServiceTest.DATABASE,
                "select count(*) from invitee where email_normalized = ? and preferred_language = 'en' "
                        + "and time_zone = 'Asia/Tokyo'", batch + ".2@example.org")).isEqualTo(1);
    }

    @Test
    void aBadCsvFileIsReportedRowByRowAndChangesNothing() {
        String batch = unique("bad").toLowerCase();
        String csv = "memberState,fullName,formOfAddress,rank,email,preferredLanguage\n"
                + "CH,Good Row,EXCELLENCY,MINISTER," + batch + ".1@example.org,fr\n"
                + "XX,,EXCELLENCY,MINISTER," + batch + ".2@example.org,de\n"
                + "CH,Twice,EXCELLENCY,MINISTER," + batch.toUpperCase() + ".1@example.org,fr\n";
        asSecretariat().contentType("text/csv").body(csv).post("/invitees/import").then().statusCode(400)
                .contentType("application/problem+json")
                .body("rows", hasSize(4),
                        "rows.row", org.hamcrest.Matchers.contains(2, 2, 2, 3),
                        "rows.field", org.hamcrest.Matchers.contains("memberState", "fullName", "preferredLanguage",
                                "email"),
                        "errors.field", hasItems("rows[2].memberState", "rows[3].email"));
        assertThat(invitees(batch + "%")).isZero();
    }

    @Test
    void aBadJsonFileAndAnUnknownColumnChangeNothing() {
        String batch = unique("badjson").toLowerCase();
        Map<String, Object> bad = new HashMap<>(Fixtures.invitee("CH", batch + ".2@example.org"));
        bad.put("timeZone", "Mars/Olympus");
        asSecretariat().body(List.of(Fixtures.invitee("CH", batch + ".1@example.org"), bad))
                .post("/invitees/import").then().statusCode(400)
                .body("rows[0].row", equalTo(2), "rows[0].field", equalTo("timeZone"));
        asSecretariat().contentType("text/csv")
                .body("memberState,fullName,formOfAddress,rank,email,salary\nCH,A B,SIR,OTHER," + batch
                        + ".3@example.org,1\n")
                .post("/invitees/import").then().statusCode(400).body("rows[0].field", equalTo("salary"));
        asSecretariat().body("[]").post("/invitees/import").then().statusCode(400);
        assertThat(invitees(batch + "%")).isZero();
    }

    @Test
    void aFileThatIsNotCsvOrHasStrayCellsIsRefusedAndChangesNothing() {
        String batch = unique("strict").toLowerCase();
        String header = "memberState,fullName,formOfAddress,rank,email\n";
        asSecretariat().contentType("text/csv")
                .body(header + "CH,\"Unclosed quote,EXCELLENCY,MINISTER," + batch + ".1@example.org\n")
                .post("/invitees/import").then().statusCode(400).contentType("application/problem+json")
                .body("rows[0].row", equalTo(0), "rows[0].field", equalTo("file"));
        asSecretariat().contentType("text/csv")
                .body(header + "CH,A B,SIR,OTHER," + batch + ".2@example.org\n"
                        + "CH,Doe, Jane,SIR,OTHER," + batch + ".3@example.org\n")
                .post("/invitees/import").then().statusCode(400).contentType("application/problem+json")
                .body("rows.field", hasItems("row"), "rows.find { it.field == 'row' }.row", equalTo(2));
        assertThat(invitees(batch + "%")).isZero();
    }

    @Test
    void memberStatesAreListedWithSixNames() {
        asOps().get("/member-states").then().statusCode(200).body("$", hasSize(193))
                .body("find { it.code == 'CH' }.names.fr", equalTo("Suisse"),
                        "find { it.code == 'CH' }.timeZone", equalTo("Europe/Zurich"));
    }
}
