package itu.wsis.web.page;

import itu.wsis.web.client.Models;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The accept form: participation mode and delegation rows. Rows left entirely blank are ignored, so that the
 * page can offer a few empty rows without JavaScript. Field ids: {@code mode}, {@code name-<row>},
 * {@code title-<row>}, {@code email-<row>}, {@code access-<row>}, {@code head}.
 */
public record AcceptForm(String mode, List<Row> rows, int head) {

    /** Rows the page offers; registration's default maximum delegation size. */
    public static final int ROWS = 6;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public record Row(String name, String title, String email, String access) {
        boolean blank() {
            return isBlank(name) && isBlank(title) && isBlank(email) && isBlank(access);
        }
    }

    /** The submitted fields, parallel lists in document order as the browser sends repeated names. */
    public static AcceptForm of(String mode, List<String> names, List<String> titles, List<String> emails,
                                List<String> access, String head) {
        List<Row> rows = new ArrayList<>();
        int count = Math.min(ROWS, Math.max(size(names), Math.max(size(titles), Math.max(size(emails), size(access)))));
        for (int i = 0; i < count; i++) {
            rows.add(new Row(at(names, i), at(titles, i), at(emails, i), at(access, i)));
        }
        int headRow;
        try {
            headRow = head == null ? -1 : Integer.parseInt(head.trim());
        } catch (NumberFormatException e) {
            headRow = -1;
        }
        return new AcceptForm(mode == null ? null : mode.trim(), pad(rows), headRow);
    }

    /** The current acceptance, for changing it; else an empty form with the first row as head. */
    public static AcceptForm from(Models.Reply reply) {
        List<Row> rows = new ArrayList<>();
        int head = 0;
        if (reply != null && reply.accepted() && reply.delegation() != null) {
            for (Models.Delegate d : reply.delegation()) {
                if (d.headOfDelegation()) {
                    head = rows.size();
                }
                rows.add(new Row(d.name(), d.title(), d.email(), d.accessibilityNeed()));
            }
            return new AcceptForm(reply.mode(), pad(rows), head);
        }
        return new AcceptForm(null, pad(rows), head);
    }

    public FormErrors validate() {
        FormErrors errors = new FormErrors();
        if (!"IN_PERSON".equals(mode) && !"REMOTE".equals(mode)) {
            errors.add("mode", "error_mode_required");
        }
        int filled = 0;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.blank()) {
                continue;
            }
            filled++;
            if (isBlank(row.name())) {
                errors.add("name-" + i, "error_name_required");
            } else if (row.name().strip().length() > 200) {
                errors.add("name-" + i, "error_too_long");
            }
            if (isBlank(row.title())) {
                errors.add("title-" + i, "error_title_required");
            } else if (row.title().strip().length() > 200) {
                errors.add("title-" + i, "error_too_long");
            }
            if (isBlank(row.email())) {
                errors.add("email-" + i, "error_email_required");
            } else if (!EMAIL.matcher(row.email().strip()).matches() || row.email().strip().length() > 254) {
                errors.add("email-" + i, "error_email_invalid");
            }
            if (row.access() != null && row.access().strip().length() > 500) {
                errors.add("access-" + i, "error_too_long");
            }
        }
        if (filled == 0) {
            errors.add("name-0", "error_delegation_required");
        } else if (head < 0 || head >= rows.size() || rows.get(head).blank()) {
            errors.add("head", "error_head_required");
        }
        return errors;
    }

    /** Only for a form that {@link #validate()} found valid. */
    public Models.AcceptBody toBody() {
        List<Models.DelegateBody> delegation = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (!row.blank()) {
                delegation.add(new Models.DelegateBody(row.name().strip(), row.title().strip(), row.email().strip(),
                        isBlank(row.access()) ? null : row.access().strip(), i == head));
            }
        }
        return new Models.AcceptBody(mode, delegation);
    }

    /**
     * Registration's field paths ({@code delegation[1].email}) as this form's field ids. Index {@code n} counts
     * only the rows sent, so it is mapped back to the n-th filled row.
     */
    public String fieldId(String apiField) {
        if (apiField == null) {
            return "";
        }
        if (apiField.equals("mode")) {
            return "mode";
        }
        var m = Pattern.compile("delegation\\[(\\d+)]\\.(name|title|email|accessibilityNeed)").matcher(apiField);
        if (m.matches()) {
            int sent = Integer.parseInt(m.group(1));
            int row = -1;
            for (int i = 0, seen = -1; i < rows.size(); i++) {
                if (!rows.get(i).blank() && ++seen == sent) {
                    row = i;
                    break;
                }
            }
            String field = m.group(2).equals("accessibilityNeed") ? "access" : m.group(2);
            return row < 0 ? "" : field + "-" + row;
        }
        return "";
    }

    private static List<Row> pad(List<Row> rows) {
        List<Row> padded = new ArrayList<>(rows);
        int wanted = Math.min(ROWS, Math.max(rows.size() + 1, 3));
        while (padded.size() < wanted) {
            padded.add(new Row("", "", "", ""));
        }
        return padded;
    }

    private static int size(List<String> values) {
        return values == null ? 0 : values.size();
    }

    private static String at(List<String> values, int i) {
        return values != null && i < values.size() && values.get(i) != null ? values.get(i) : "";
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
