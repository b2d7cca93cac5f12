package itu.wsis.notification;

import itu.wsis.support.links.LinkClaims;
import itu.wsis.support.links.PersonalLinkTokens;
import itu.wsis.testing.TestKeys;
import itu.wsis.testing.TestSmtp;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/** Reads the MIME messages GreenMail really received. */
final class Mails {

    static final Pattern LINK = Pattern.compile("http://localhost:8080/r/([A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+)");

    private Mails() {
    }

    static List<MimeMessage> to(String email) {
        return TestSmtp.received().stream().filter(m -> isTo(m, email)).toList();
    }

    static MimeMessage awaitOne(String email, Predicate<MimeMessage> which) {
        try {
            await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200))
                    .until(() -> to(email).stream().anyMatch(which));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no such message to " + email + "; received: "
                    + to(email).stream().map(Mails::subject).toList(), e);
        }
        return to(email).stream().filter(which).findFirst().orElseThrow();
    }

    static MimeMessage awaitSubject(String email, String subjectPart) {
        return awaitOne(email, m -> subject(m).contains(subjectPart));
    }

    static long countByMessageId(String messageId) {
        return TestSmtp.received().stream().filter(m -> messageId.equals(messageId(m))).count();
    }

    static boolean isTo(MimeMessage m, String email) {
        try {
            Address[] to = m.getRecipients(Message.RecipientType.TO);
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().contains(email));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String header(MimeMessage m, String name) {
        try {
            String[] values = m.getHeader(name);
            return values == null ? null : String.join("\n", values);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String html(MimeMessage m) {
        return part(m, "text/html").orElseThrow(() -> new AssertionError("no HTML part"));
    }

    static String text(MimeMessage m) {
        return part(m, "text/plain").orElseThrow(() -> new AssertionError("no plain-text part"));
    }

    /** The salutation: the first line after the header block of the plain-text part. */
    static String salutation(MimeMessage m) {
        String[] blocks = text(m).split("\\r?\\n\\r?\\n", 2);
        return blocks.length < 2 ? blocks[0].lines().findFirst().orElse("")
                : blocks[1].lines().findFirst().orElse("");
    }

    /** The calendar attachment (text/calendar), if the message has one. */
    static Optional<String> calendar(MimeMessage m) {
        return part(m, "text/calendar");
    }

    /** The Content-Type of the calendar attachment. */
    static String calendarContentType(MimeMessage m) {
        return contentType(m, "text/calendar").orElseThrow(() -> new AssertionError("no calendar attachment"));
    }

    private static Optional<String> contentType(Part part, String type) {
        try {
            if (part.isMimeType(type)) {
                return Optional.of(part.getContentType());
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    Optional<String> found = contentType(multipart.getBodyPart(i), type);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            return Optional.empty();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String link(MimeMessage m) {
        Matcher matcher = LINK.matcher(text(m));
        if (!matcher.find()) {
            throw new AssertionError("no personal link in the message");
        }
        return matcher.group(1);
    }

    /** The claims of the personal link, verified with the public key the invitee-facing services use. */
    static LinkClaims linkClaims(MimeMessage m) {
        try {
            String pem = java.nio.file.Files.readString(TestKeys.linkPublicKey(), StandardCharsets.US_ASCII);
            return PersonalLinkTokens.authentic(link(m), PersonalLinkTokens.publicKeyFromPem(pem))
                    .orElseThrow(() -> new AssertionError("the personal link does not verify"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> part(Part part, String type) {
        try {
            if (part.isMimeType(type)) {
                Object content = part.getContent();
                if (content instanceof InputStream in) {
                    return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
                return Optional.of(String.valueOf(content));
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    Optional<String> found = part(body, type);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            return Optional.empty();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
