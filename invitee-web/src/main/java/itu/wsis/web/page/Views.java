package itu.wsis.web.page;

import io.quarkus.qute.TemplateData;

import java.util.List;

/** What the templates show, already translated and formatted: templates only lay it out. */
public final class Views {

    private Views() {
    }

    /** A form field: its id (also the key of its error), its value, its error message or null. */
    @TemplateData
    public record Field(String id, String value, String error) {
        public boolean invalid() {
            return error != null;
        }
    }

    @TemplateData
    public record DelegateRow(int index, int number, Field name, Field title, Field email, Field access,
                              boolean head) {
    }

    @TemplateData
    public record Delegate(String name, String title, String email, String accessibilityNeed, boolean head) {
    }

    @TemplateData
    public record Choice(String value, String label, boolean selected) {
    }

    @TemplateData
    public record SessionChoice(String id, String title, String when, boolean selected) {
    }

    /** One link of the error summary at the top of the page: to the field, with its message. */
    @TemplateData
    public record ErrorLink(String fieldId, String message) {
    }

    @TemplateData
    public record LanguageLink(String code, String nativeName, String dir, boolean current, String href) {
    }

    /** The letter's contact person; {@code mailto} and {@code tel} are null when the address or number is unusable. */
    @TemplateData
    public record Contact(String name, String email, String mailto, String phone, String tel) {
    }

    /** A notice in one language (the link pages show one per language when the invitee's is unknown). */
    @TemplateData
    public record Notice(String lang, String dir, String title, String text) {
    }

    /** The page about a link or a request that cannot go further: {@code notices} in one language or in all six. */
    @TemplateData
    public record NoticeView(String lang, String dir, String title, List<Notice> notices, String trouble,
                             boolean retry) {
    }

    @TemplateData
    /**
     * {@code rank}: set when the speaker's rank needed the secretariat's confirmation, saying where it stands.
     * {@code place}: the venue and room of a seat for whoever comes; {@code joinUrl}: the join link of a seat for a
     * remote live speaker, or {@code joinPending} while the session has none.
     */
    public record SpeakingStatus(String status, String statusText, String session, String when, String whenLocal,
                                 String position, String reason, String topic, String speaker, String rank,
                                 String place, String joinUrl, boolean joinPending) {
    }

    /**
     * The delegation's request for a seat at a round table: who would sit, the seat number or the place on the seat
     * waiting list, where to go (or the join link of a remote live seat), and why it ended when it did.
     */
    @TemplateData
    public record SeatStatus(int n, String status, String statusText, String holder, String position, String place,
                             String joinUrl, boolean joinPending, String reason) {
    }

    /**
     * A ministerial round table on the page: number {@code n} from 1 in the forum's order (its element ids end with
     * it), its time and place, the delegation's seat request there ({@code status}, null: none), whether it may be
     * withdrawn ({@code active}) or a seat asked for ({@code open}), and the seat form's fields.
     */
    @TemplateData
    public record RoundTable(int n, String id, String title, String when, String whenLocal, String place,
                             String seats, SeatStatus status, boolean active, boolean open, boolean substitute,
                             Field name, Field holderTitle, Field rank, List<Choice> ranks, Field language,
                             List<Choice> languages, Field modality, List<Choice> modalities) {
    }

    @TemplateData
    public record Line(String label, String value) {
    }

    public static List<Choice> choices(List<String> values, java.util.function.Function<String, String> label,
                                       String selected) {
        return values.stream().map(v -> new Choice(v, label.apply(v), v.equals(selected))).toList();
    }
}
