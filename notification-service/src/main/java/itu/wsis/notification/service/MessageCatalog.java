package itu.wsis.notification.service;

import itu.wsis.events.Language;
import itu.wsis.notification.domain.MessageKind;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The texts of every email, one resource file per language ({@code messages/email_<code>.properties}, UTF-8).
 * <p>
 * Why not Qute's {@code @MessageBundle}: a localized bundle silently falls back to the default file for a missing
 * key, which would send a sentence in another language. This catalog answers "missing" instead, so that the
 * language fallback policy is explicit and visible in the delivery log.
 */
@ApplicationScoped
public class MessageCatalog {

    private final Map<Language, Properties> texts = new EnumMap<>(Language.class);
    // The catalog never changes once loaded, so whether a language has every text of a kind is worked out once: it
    // was asked for every email, over every key of the catalog (issue #16, a few percent of the sender's CPU).
    private final Map<MessageKind, Set<String>> requiredKeys = new ConcurrentHashMap<>();
    private final Map<Language, Map<MessageKind, Boolean>> complete = new ConcurrentHashMap<>();

    public MessageCatalog() {
        for (Language language : Language.values()) {
            texts.put(language, load("messages/email_" + language.code() + ".properties"));
        }
    }

    /** For tests: a catalog with the given texts only. */
    MessageCatalog(Map<Language, Properties> given) {
        texts.putAll(given);
    }

    public Optional<String> text(Language language, String key) {
        Properties p = texts.get(language);
        String value = p == null ? null : p.getProperty(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** The keys a message of {@code kind} uses: the shared ones plus its own subject and body. */
    public Set<String> requiredKeys(MessageKind kind) {
        return requiredKeys.computeIfAbsent(kind, this::computeRequiredKeys);
    }

    private Set<String> computeRequiredKeys(MessageKind kind) {
        Set<String> otherPrefixes = Arrays.stream(MessageKind.values()).filter(k -> k != kind)
                .map(k -> k.key() + ".").collect(Collectors.toSet());
        return texts.getOrDefault(Language.EN, new Properties()).stringPropertyNames().stream()
                .filter(key -> otherPrefixes.stream().noneMatch(key::startsWith))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether every text of {@code kind} exists in {@code language}. */
    public boolean complete(Language language, MessageKind kind) {
        return complete.computeIfAbsent(language, l -> new ConcurrentHashMap<>()).computeIfAbsent(kind,
                k -> requiredKeys(k).stream().allMatch(key -> text(language, key).isPresent()));
    }

    public Set<String> keys(Language language) {
        Properties p = texts.get(language);
        return p == null ? Set.of() : p.stringPropertyNames();
    }

    /** Replaces {@code {name}} placeholders. Not MessageFormat: apostrophes ("l'UIT") must stay as written. */
    public static String fill(String template, Map<String, String> values) {
        String out = template;
        for (Map.Entry<String, String> e : values.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", e.getValue() == null ? "" : e.getValue());
        }
        return out;
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
