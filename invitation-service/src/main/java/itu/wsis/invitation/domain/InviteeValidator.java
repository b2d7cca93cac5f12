package itu.wsis.invitation.domain;

import itu.wsis.events.Language;
import itu.wsis.events.Rank;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validates invitees one row at a time and reports every problem with its row and field, so that the secretariat
 * can fix a whole file in one go. A file is accepted only when every row is valid.
 */
public final class InviteeValidator {

    // Deliberately simple: one @, no spaces, a dot in the domain. Deliverability is the mail relay's business.
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int MAX_TEXT = 300;

    public record Result(List<InviteeDetails> valid, List<RowError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private InviteeValidator() {
    }

    public static Result validate(List<InviteeDraft> drafts) {
        List<InviteeDetails> valid = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
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
            errors.addAll(rowErrors);
        }
        if (drafts.isEmpty()) {
            errors.add(new RowError(0, "body", "no invitee in the file"));
        }
        return new Result(List.copyOf(valid), List.copyOf(errors));
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
        } else if (!EMAIL.matcher(draft.email().trim()).matches() || draft.email().trim().length() > 320) {
            errors.add(new RowError(row, "email", "is not an e-mail address"));
        } else {
            email = draft.email().trim();
        }
        List<String> cc = new ArrayList<>();
        List<String> rawCc = draft.cc() == null ? List.of() : draft.cc();
        for (int i = 0; i < rawCc.size(); i++) {
            String address = rawCc.get(i);
            if (blank(address) || !EMAIL.matcher(address.trim()).matches()) {
                errors.add(new RowError(row, "cc[" + i + "]", "is not an e-mail address"));
            } else {
                cc.add(address.trim());
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

    private static String text(int row, String field, String value, boolean required, List<RowError> errors) {
        if (blank(value)) {
            if (required) {
                errors.add(new RowError(row, field, "is required"));
            }
            return null;
        }
        String trimmed = value.trim();
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
