package itu.wsis.system;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import itu.wsis.system.scenario.Mailbox;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static itu.wsis.system.scenario.Mailbox.invitationIdOf;
import static itu.wsis.system.scenario.Mailbox.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo across the four services as separate processes: the secretariat issues the 193 invitations of CL-22/010,
 * each arrives once by SMTP with a working personal link; a Minister accepts through it and gets a receipt; the
 * delegation requests speaking time and is told its slot.
 */
class DemoJourneyIT {

    static final Pattern LINK = Pattern.compile("/r/([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)");
    static SystemStack stack;
    static String secretariat;
    static String ops;

    @BeforeAll
    static void start() {
        stack = SystemStack.start(Map.of());
        secretariat = stack.tokens().issue("secretariat");
        ops = stack.tokens().issue("ops");
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    static RequestSpecification at(String service) {
        return given().baseUri(stack.service(service).baseUrl());
    }

    @Test
    void invitationsRepliesAndSpeakingRequestsFlowThroughAllFourServices() throws Exception {
        at("invitation-service").auth().oauth2(secretariat).post("/ops/demo-data").then().statusCode(200);

        // 193 invitation emails, each with a personal link. The SMTP server keeps one copy per mailbox (To and each
        // Cc), so "exactly once" means: one Message-ID per Minister, and as many copies as the message has recipients.
        await().atMost(Duration.ofMinutes(3))
                .until(() -> messageIds(stack.receivedMail()).size() >= 193 && everyCopyArrived(stack.receivedMail()));
        List<MimeMessage> invitations = stack.receivedMail();
        assertThat(messageIds(invitations)).hasSize(193);
        assertThat(invitations.stream().map(DemoJourneyIT::recipient).distinct()).hasSize(193);
        assertEachDeliveredOncePerRecipient(invitations);
        assertThat(invitations).allSatisfy(m -> assertThat(LINK.matcher(text(m)).find()).isTrue());
        // A second load of the demo data changes nothing and sends nothing.
        at("invitation-service").auth().oauth2(secretariat).post("/ops/demo-data").then().statusCode(200);

        MimeMessage invitation = invitations.stream()
                .filter(m -> recipient(m).contains("@"))
                .findFirst().orElseThrow();
        String minister = recipient(invitation);
        String token = token(invitation);
        UUID invitationId = invitationIdOf(token);

        // The link opens its invitation at registration-service, which learnt it from invitation events only.
        await().atMost(Duration.ofMinutes(3)).until(() -> at("registration-service")
                .header("WSIS-Personal-Link", token).get("/invitations/" + invitationId).statusCode() == 200);
        at("registration-service").header("WSIS-Personal-Link", token).contentType(ContentType.JSON)
                .body("""
                        {"mode":"IN_PERSON","delegation":[
                          {"name":"Head of Delegation","title":"Minister","email":"head@example.org","headOfDelegation":true},
                          {"name":"Adviser","title":"Senior Adviser","email":"adviser@example.org","headOfDelegation":false}]}""")
                .post("/invitations/" + invitationId + "/accept")
                .then().statusCode(201);

        await().atMost(Duration.ofMinutes(3)).until(() -> mailTo(minister).size() == 2);

        // Invitation-service reflects the reply from registration events.
        await().atMost(Duration.ofMinutes(3)).until(() -> "ACCEPTED".equals(at("invitation-service")
                .auth().oauth2(ops).get("/invitations/" + invitationId).then().extract().path("status")));

        // Speaking-request sessions for the forum, then a request through the same link.
        await().atMost(Duration.ofMinutes(3)).until(() -> at("speaking-request-service").auth().oauth2(secretariat)
                .contentType(ContentType.JSON).post("/ops/demo-data").statusCode() / 100 == 2);
        String sessionId = await().atMost(Duration.ofMinutes(3)).until(() -> at("speaking-request-service")
                        .header("WSIS-Personal-Link", token).get("/invitations/" + invitationId + "/sessions")
                        .then().extract().path("[0].id"),
                id -> id != null);
        at("speaking-request-service").header("WSIS-Personal-Link", token).contentType(ContentType.JSON)
                .body("""
                        {"speaker":{"name":"The Minister","title":"Minister","substitute":false},
                         "preferredSessionIds":["%s"],"statementLanguage":"en","modality":"IN_PERSON",
                         "topic":"ICTs for well-being, inclusion and resilience"}""".formatted(sessionId))
                .post("/invitations/" + invitationId + "/speaking-request")
                .then().statusCode(201);

        // Receipt of the request and the allocated slot: four emails in all for this Minister, none twice.
        await().atMost(Duration.ofMinutes(3))
                .until(() -> mailTo(minister).size() == 4 && everyCopyArrived(stack.receivedMail()));
        assertThat(messageIds(stack.receivedMail())).hasSize(193 + 3);
        assertEachDeliveredOncePerRecipient(stack.receivedMail());
        at("notification-service").auth().oauth2(ops)
                .queryParam("invitationId", invitationId).get("/ops/notifications")
                .then().statusCode(200)
                .body("items.kind", org.hamcrest.Matchers.hasItems(
                        "INVITATION", "REPLY_ACCEPTED", "SPEAKING_REQUEST_RECEIVED", "SPEAKING_SLOT_ALLOCATED"));
    }

    /** The distinct messages addressed (To) to {@code address}; Cc copies of one message count once. */
    static Set<String> mailTo(String address) throws Exception {
        return messageIds(stack.receivedMail().stream().filter(m -> recipient(m).equals(address)).toList());
    }

    /**
     * GreenMail files a message's copies one recipient after another, so the To copy can be readable before the Cc
     * copies: wait for every copy before counting them. Too many copies never go away, so this hides no duplicate.
     */
    static boolean everyCopyArrived(List<MimeMessage> copies) throws Exception {
        Map<String, Integer> held = new java.util.HashMap<>();
        Map<String, Integer> recipients = new java.util.HashMap<>();
        for (MimeMessage copy : copies) {
            held.merge(copy.getMessageID(), 1, Integer::sum);
            recipients.put(copy.getMessageID(), copy.getAllRecipients().length);
        }
        return held.entrySet().stream().allMatch(e -> e.getValue() >= recipients.get(e.getKey()));
    }

    static void assertEachDeliveredOncePerRecipient(List<MimeMessage> copies) throws Exception {
        Map<String, List<MimeMessage>> byId = new java.util.HashMap<>();
        for (MimeMessage copy : copies) {
            byId.computeIfAbsent(copy.getMessageID(), id -> new java.util.ArrayList<>()).add(copy);
        }
        for (List<MimeMessage> sameMessage : byId.values()) {
            assertThat(sameMessage).hasSize(sameMessage.get(0).getAllRecipients().length);
        }
    }

    static Set<String> messageIds(List<MimeMessage> messages) throws Exception {
        Set<String> ids = new HashSet<>();
        for (MimeMessage m : messages) {
            ids.add(m.getMessageID());
        }
        return ids;
    }

    static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String token(MimeMessage message) {
        Matcher matcher = LINK.matcher(text(message));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
