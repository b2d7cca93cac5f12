package itu.wsis.invitation.domain;

import itu.wsis.events.Language;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The 193 ITU Member States, from the reference table shipped with the service. */
public final class MemberStates {

    static final String RESOURCE = "reference/itu-member-states.csv";

    private static final Map<String, MemberState> BY_CODE = load();

    private MemberStates() {
    }

    public static Collection<MemberState> all() {
        return BY_CODE.values();
    }

    public static Optional<MemberState> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(BY_CODE.get(code.trim().toUpperCase(Locale.ROOT)));
    }

    private static Map<String, MemberState> load() {
        InputStream in = MemberStates.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("missing " + RESOURCE);
        }
        List<MemberState> states = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] cells = line.split(",");
                states.add(new MemberState(cells[0].trim(), Language.fromCode(cells[1]), ZoneId.of(cells[2].trim())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, MemberState> byCode = new LinkedHashMap<>();
        states.stream().sorted(java.util.Comparator.comparing(MemberState::code))
                .forEach(s -> byCode.put(s.code(), s));
        return Collections.unmodifiableMap(byCode);
    }
}
