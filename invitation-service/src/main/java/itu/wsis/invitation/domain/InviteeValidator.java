package itu.wsis.invitation.domain;

import itu.wsis.events.Language;
import itu.wsis.events.Rank;
import itu.wsis.support.text.EmailAddress;
import itu.wsis.support.text.PlainText;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Validates invitees one row at a time and reports every problem with its row and field, so that the secretariat
 * can fix a whole file in one go. A file is accepted only when every row is valid.
 * <p>
 * Addresses follow the platform's one rule ({@link EmailAddress}); names, titles and ministries must be single
 * lines ({@link PlainText}): they end up in email headers and plain-text bodies. Only plain spaces around a value
 * are trimmed; a tab, a line break or any other control character is refused, wherever it is.
 */
public final class InviteeValidator {

    private static final int MAX_TEXT = 300;

    /**
     * The valid rows, the first problems found ({@code errors}, as many as the caller asked to keep) and how many
     * there are in all ({@code errorCount}).
     */
    public record Result(List<InviteeDetails> valid, List<RowError> errors, int errorCount) {
        public boolean ok() {
            return errorCount == 0;
        }
    }

    private InviteeValidator() {
    }

    public static Result validate(List<InviteeDraft> drafts) {
        return validate(drafts, Integer.MAX_VALUE);
    }

    /**
     * Keeps at most {@code maxErrors} of the problems but counts them all: a file of 200,000 empty rows has a
     * million problems, and the answer only needs the first ones and the total.
     */
    public static Result validate(List<InviteeDraft> drafts, int maxErrors) {
        List<InviteeDetails> valid = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        int errorCount = 0;
        Map<InviteeDetails.NaturalKey, Integer> firstRowOfKey = new HashMap<>();
        for (int i = 0; i < drafts.size(); i++) {
            int row = i + 1;
            List<RowError> rowErrors = new ArrayList<>();
            InviteeDetails details = validate(row, drafts.get(i), rowErrors);
            if (details != null) {
                Integer first = firstRowOfKey.putIfAbsent(details.naturalKey(), row);
                if (first != null) {
                    rowErrors.add(new RowError(row, "email",
                            "same Member State and e-mail as row " + first + ": the same person twice"));
                }
            }
            if (rowErrors.isEmpty()) {
                valid.add(details);
            }
            errorCount += rowErrors.size();
            for (int e = 0; e < rowErrors.size() && errors.size() < maxErrors; e++) {
                errors.add(rowErrors.get(e));
            }
        }
        if (drafts.isEmpty()) {
            errors.add(new RowError(0, "body", "no invitee in the file"));
            errorCount++;
        }
        return new Result(List.copyOf(valid), List.copyOf(errors), errorCount);
    }

    static InviteeDetails validate(int row, InviteeDraft draft, List<RowError> errors) {
        int before = errors.size();
        MemberState state = null;
        if (blank(draft.memberState())) {
            errors.add(new RowError(row, "memberState", "is required"));
        } else {
            state = MemberStates.find(draft.memberState()).orElse(null);
            if (state == null) {
                errors.add(new RowError(row, "memberState",
                        "'" + draft.memberState().trim() + "' is not the ISO 3166-1 code of an ITU Member State"));
            }
        }
        String fullName = text(row, "fullName", draft.fullName(), true, errors);
        FormOfAddress form = enumValue(row, "formOfAddress", draft.formOfAddress(), FormOfAddress.class, errors);
        Rank rank = enumValue(row, "rank", draft.rank(), Rank.class, errors);
        String title = text(row, "title", draft.title(), false, errors);
        String ministry = text(row, "ministry", draft.ministry(), false, errors);
        String email = null;
        if (blank(draft.email())) {
            errors.add(new RowError(row, "email", "is required"));
        } else {
            email = address(row, "email", draft.email(), errors);
        }
        List<String> cc = new ArrayList<>();
        List<String> rawCc = draft.cc() == null ? List.of() : draft.cc();
        for (int i = 0; i < rawCc.size(); i++) {
            String address = address(row, "cc[" + i + "]", rawCc.get(i), errors);
            if (address != null) {
                cc.add(address);
            }
        }
        Language language = null;
        if (blank(draft.preferredLanguage())) {
            language = state == null ? null : state.usualLanguage();
        } else {
            try {
                language = Language.fromCode(draft.preferredLanguage());
            } catch (IllegalArgumentException e) {
                errors.add(new RowError(row, "preferredLanguage", "must be one of ar, en, es, fr, ru, zh"));
            }
        }
        ZoneId zone = null;
        if (blank(draft.timeZone())) {
            zone = state == null ? null : state.capitalZone();
        } else {
            try {
                zone = ZoneId.of(draft.timeZone().trim());
            } catch (DateTimeException e) {
                errors.add(new RowError(row, "timeZone", "is not an IANA time zone such as Europe/Zurich"));
            }
        }
        if (errors.size() > before) {
            return null;
        }
        return new InviteeDetails(state.code(), fullName, form, rank, title, ministry, email, cc, language, zone);
    }

    private static String address(int row, String field, String value, List<RowError> errors) {
        String trimmed = EmailAddress.trimSpaces(value);
        var problem = EmailAddress.problem(trimmed);
        if (problem.isPresent()) {
            errors.add(new RowError(row, field, "is not an e-mail address: it " + problem.get()));
            return null;
        }
        return trimmed;
    }

    private static String text(int row, String field, String value, boolean required, List<RowError> errors) {
        if (blank(value)) {
            if (required) {
                errors.add(new RowError(row, field, "is required"));
            }
            return null;
        }
        String trimmed = PlainText.trimSpaces(value);
        if (!PlainText.isSingleLine(trimmed)) {
            errors.add(new RowError(row, field, PlainText.SINGLE_LINE_MESSAGE));
        }
        if (trimmed.length() > MAX_TEXT) {
            errors.add(new RowError(row, field, "is longer than " + MAX_TEXT + " characters"));
        }
        return trimmed;
    }

    private static <E extends Enum<E>> E enumValue(int row, String field, String value, Class<E> type,
                                                   List<RowError> errors) {
        if (blank(value)) {
            errors.add(new RowError(row, field, "is required"));
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new RowError(row, field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
